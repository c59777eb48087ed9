using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace CorsAnalyzers.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The client half of the Language Server Protocol over a server process's stdio, as an editor speaks it: JSON-RPC 2.0
/// messages, each framed by a <c>Content-Length</c> header. Standard output is read on a background task (responses
/// complete their requests, server requests are answered, notifications are handed on) and standard error is drained
/// into <see cref="Log"/>, so neither pipe can fill up and block the server. Disposing ends the server: a polite
/// shutdown/exit within a few seconds, then the process tree is killed whatever happened.
/// </summary>
public sealed class LspClient : IAsyncDisposable
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    private readonly Process _process;
    private readonly Stream _input;
    private readonly Func<string, JsonElement, JsonNode?> _answerRequest;
    private readonly Action<string, JsonElement> _onNotification;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly StringBuilder _log = new();
    private readonly Task _readOutput;
    private readonly Task _readError;
    private int _lastId;

    private LspClient(Process process, Func<string, JsonElement, JsonNode?> answerRequest, Action<string, JsonElement> onNotification)
    {
        _process = process;
        _input = process.StandardInput.BaseStream;
        _answerRequest = answerRequest;
        _onNotification = onNotification;
        _readOutput = Task.Run(ReadOutputAsync);
        _readError = Task.Run(ReadErrorAsync);
    }

    /// <summary>What the server wrote to standard error, and what this client noticed (for failure messages).</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the server. <paramref name="answerRequest"/> gives the result of a request the server sends the client
    /// (method, params); <paramref name="onNotification"/> receives the server's notifications. Both run on the reader task.
    /// </summary>
    public static LspClient Start(ProcessStartInfo startInfo, Func<string, JsonElement, JsonNode?> answerRequest, Action<string, JsonElement> onNotification)
    {
        startInfo.RedirectStandardInput = true;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{startInfo.FileName} did not start.");
        return new LspClient(process, answerRequest, onNotification);
    }

    public async Task<JsonElement> RequestAsync(string method, JsonNode? parameters, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref _lastId);
        var response = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = response;
        try
        {
            await WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters }).ConfigureAwait(false);
            return await response.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No answer to {method} within {timeout.TotalSeconds} s.{Environment.NewLine}{Log}");
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    public Task NotifyAsync(string method, JsonNode? parameters)
        => WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await RequestAsync("shutdown", null, ShutdownTimeout).ConfigureAwait(false);
                await NotifyAsync("exit", null).ConfigureAwait(false);
                await _process.WaitForExitAsync().WaitAsync(ShutdownTimeout).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is TimeoutException or IOException or InvalidOperationException or LspException)
        {
            Note($"shutdown failed: {exception.Message}");
        }
        finally
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync().ConfigureAwait(false);
            try
            {
                // A process the server started and that kept its pipes open would keep the readers waiting.
                await Task.WhenAll(_readOutput, _readError).WaitAsync(ShutdownTimeout).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                Note("the server's pipes stayed open after it ended");
            }

            _process.Dispose();
            _writeLock.Dispose();
        }
    }

    private async Task WriteAsync(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await _input.WriteAsync(header).ConfigureAwait(false);
            await _input.WriteAsync(body).ConfigureAwait(false);
            await _input.FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task ReadOutputAsync()
    {
        // Headers are read a byte at a time; the buffer keeps that from being a system call per byte.
        using var output = new BufferedStream(_process.StandardOutput.BaseStream);
        try
        {
            while (await ReadMessageAsync(output).ConfigureAwait(false) is { } message)
            {
                await DispatchAsync(message).ConfigureAwait(false);
            }

            Note("the server closed its output");
        }
        catch (Exception exception)
        {
            // The reader is the loop's boundary: whatever broke it (a malformed message, a closed pipe) fails the waiting requests below.
            Note($"reading the server's output failed: {exception}");
        }
        finally
        {
            foreach (var pending in _pending.Values)
            {
                pending.TrySetException(new LspException($"The server ended before it answered.{Environment.NewLine}{Log}"));
            }
        }
    }

    private async Task DispatchAsync(JsonElement message)
    {
        var hasId = message.TryGetProperty("id", out var id);
        if (message.TryGetProperty("method", out var methodElement))
        {
            var method = methodElement.GetString()!;
            var parameters = message.TryGetProperty("params", out var p) ? p : default;
            if (!hasId)
            {
                _onNotification(method, parameters);
                return;
            }

            var result = _answerRequest(method, parameters);
            await WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = JsonValue.Create(id), ["result"] = result }).ConfigureAwait(false);
        }
        else if (hasId && id.ValueKind == JsonValueKind.Number && _pending.TryGetValue(id.GetInt32(), out var pending))
        {
            if (message.TryGetProperty("error", out var error))
            {
                pending.TrySetException(new LspException($"The server answered with an error: {error}"));
            }
            else
            {
                pending.TrySetResult(message.TryGetProperty("result", out var result) ? result : default);
            }
        }
    }

    /// <summary>One message: headers up to an empty line, then exactly Content-Length bytes of JSON; null at the end of the stream.</summary>
    private static async Task<JsonElement?> ReadMessageAsync(Stream output)
    {
        var header = new List<byte>();
        var one = new byte[1];
        while (!EndsWithHeaderEnd(header))
        {
            if (await output.ReadAsync(one).ConfigureAwait(false) == 0)
            {
                return null;
            }

            header.Add(one[0]);
        }

        var length = -1;
        foreach (var line in Encoding.ASCII.GetString(header.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':');
            if (colon > 0 && line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line[(colon + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        if (length < 0)
        {
            throw new FormatException($"A message without Content-Length: {Encoding.ASCII.GetString(header.ToArray())}");
        }

        var body = new byte[length];
        await output.ReadExactlyAsync(body).ConfigureAwait(false);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    private static bool EndsWithHeaderEnd(List<byte> header)
    {
        if (header.Count < HeaderEnd.Length)
        {
            return false;
        }

        for (var i = 0; i < HeaderEnd.Length; i++)
        {
            if (header[header.Count - HeaderEnd.Length + i] != HeaderEnd[i])
            {
                return false;
            }
        }

        return true;
    }

    private async Task ReadErrorAsync()
    {
        while (await _process.StandardError.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            Note(line);
        }
    }

    private void Note(string line)
    {
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}

/// <summary>The server answered a request with an error, or ended before it answered.</summary>
public sealed class LspException : Exception
{
    public LspException(string message)
        : base(message)
    {
    }
}
