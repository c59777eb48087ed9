using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Rules;

/// <summary>
/// Reads a <see cref="System.TimeSpan"/> written with constants: <c>TimeSpan.FromSeconds(7200)</c>, <c>FromMinutes</c>,
/// <c>FromHours</c>, <c>FromDays</c>, <c>FromMilliseconds</c>, <c>FromTicks</c> (and .NET 9's overloads with several units),
/// <c>new TimeSpan(h, m, s)</c> and the other constructors, with the arithmetic .NET (Core) uses. Anything else is unknown.
/// </summary>
internal static class ConstantTimeSpans
{
    private const long TicksPerMicrosecond = 10;
    private const long TicksPerMillisecond = 10_000;
    private const long TicksPerSecond = 10_000_000;
    private const long TicksPerMinute = 60 * TicksPerSecond;
    private const long TicksPerHour = 60 * TicksPerMinute;
    private const long TicksPerDay = 24 * TicksPerHour;

    /// <summary>
    /// The ticks of <paramref name="value"/> when it is a constant <paramref name="timeSpan"/>; false otherwise, and when
    /// .NET would throw (overflow). <paramref name="timeSpan"/> is the type symbol ASP.NET Core's own signature names.
    /// </summary>
    public static bool TryGetTicks(IOperation value, ITypeSymbol timeSpan, out long ticks)
    {
        ticks = 0;
        while (value is IConversionOperation or IParenthesizedOperation)
        {
            value = value is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)value).Operand;
        }

        switch (value)
        {
            case IInvocationOperation { TargetMethod: { IsStatic: true } method } invocation
                when SymbolEqualityComparer.Default.Equals(method.ContainingType, timeSpan) && MethodUnit(method.Name) is { } methodUnit:
                return TrySum(invocation.Arguments, methodUnit, out ticks);

            case IObjectCreationOperation { Constructor: { } constructor } creation
                when SymbolEqualityComparer.Default.Equals(constructor.ContainingType, timeSpan):
                return TrySum(creation.Arguments, methodUnit: null, out ticks);

            default:
                return false;
        }
    }

    private static bool TrySum(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, long? methodUnit, out long ticks)
    {
        ticks = 0;
        try
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter is not { } parameter
                    || (ParameterUnit(parameter.Name) ?? (parameter.Ordinal == 0 ? methodUnit : null)) is not { } unit)
                {
                    return false;
                }

                switch (argument.Value.ConstantValue)
                {
                    case { HasValue: true, Value: double number }:
                        // TimeSpan.FromSeconds(double) and the like: value * scale, truncated to ticks (.NET Core 3.0 and later).
                        var doubleTicks = number * unit;
                        if (double.IsNaN(doubleTicks) || doubleTicks >= long.MaxValue || doubleTicks <= long.MinValue)
                        {
                            return false;
                        }

                        ticks = checked(ticks + (long)doubleTicks);
                        break;
                    case { HasValue: true, Value: int or long } integer:
                        ticks = checked(ticks + (System.Convert.ToInt64(integer.Value, System.Globalization.CultureInfo.InvariantCulture) * unit));
                        break;
                    default:
                        return false;
                }
            }

            return true;
        }
        catch (System.OverflowException)
        {
            return false;
        }
    }

    // The names below are those of System.TimeSpan's own members and parameters: callers have compared the type as a symbol.
    private static long? MethodUnit(string name) => name switch
    {
        "FromDays" => TicksPerDay,
        "FromHours" => TicksPerHour,
        "FromMinutes" => TicksPerMinute,
        "FromSeconds" => TicksPerSecond,
        "FromMilliseconds" => TicksPerMillisecond,
        "FromMicroseconds" => TicksPerMicrosecond,
        "FromTicks" => 1,
        _ => null,
    };

    private static long? ParameterUnit(string name) => name switch
    {
        "days" => TicksPerDay,
        "hours" => TicksPerHour,
        "minutes" => TicksPerMinute,
        "seconds" => TicksPerSecond,
        "milliseconds" => TicksPerMillisecond,
        "microseconds" => TicksPerMicrosecond,
        "ticks" => 1,
        _ => null,
    };
}
