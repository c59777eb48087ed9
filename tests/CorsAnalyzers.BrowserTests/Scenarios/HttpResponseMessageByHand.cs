var builder = WebApplication.CreateBuilder(args);

var app = builder.Build();

// An HttpResponseMessage is what HttpClient receives. An endpoint that returns one gets it serialized as JSON: its
// headers are never sent, so the browser sees no Access-Control-Allow-Origin.
app.MapGet("/api/data", () =>
{
    var response = new HttpResponseMessage();
    response.Headers.Add("Access-Control-Allow-Origin", "*");
    return response;
});
app.Run();
