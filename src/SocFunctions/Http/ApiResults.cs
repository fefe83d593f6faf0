using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace SocFunctions.Http;

/// <summary>
/// Results that write themselves with <see cref="ApiJson.Options"/>, with no MVC formatter involved, so the Functions
/// host and the local dev host produce byte-identical responses.
/// </summary>
public sealed class ApiResult(int status, object? body, string contentType = "application/json; charset=utf-8") : IActionResult
{
    public int Status { get; } = status;

    public object? Body { get; } = body;

    public string ContentType { get; } = contentType;

    /// <summary>Extra response headers (for example <c>Retry-After</c>, <c>Location</c>).</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = Status;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        if (Body is null)
        {
            return;
        }

        response.ContentType = ContentType;
        await JsonSerializer.SerializeAsync(response.Body, Body, Body.GetType(), ApiJson.Options, context.HttpContext.RequestAborted).ConfigureAwait(false);
    }

    public ApiResult WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }
}

/// <summary>RFC 9457 problem details.</summary>
public sealed record Problem(string Type, string Title, int Status, string? Detail = null, IReadOnlyDictionary<string, string[]>? Errors = null);

public static class ApiResults
{
    public const string ProblemContentType = "application/problem+json; charset=utf-8";

    public static ApiResult Ok(object body) => new(StatusCodes.Status200OK, body);

    public static ApiResult Accepted(object body, string location) =>
        new ApiResult(StatusCodes.Status202Accepted, body).WithHeader("Location", location);

    public static ApiResult Problem(int status, string title, string? detail = null, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new(status, new Problem(TypeFor(status), title, status, detail, errors), ProblemContentType);

    public static ApiResult BadRequest(string detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        Problem(StatusCodes.Status400BadRequest, "The request is not valid.", detail, errors);

    public static ApiResult Unauthorized(string detail) =>
        Problem(StatusCodes.Status401Unauthorized, "An API key is required.", detail).WithHeader("WWW-Authenticate", "ApiKey header=\"X-Api-Key\"");

    public static ApiResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not found.", detail);

    private static string TypeFor(int status) => status switch
    {
        400 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
        401 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2",
        403 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4",
        404 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
        409 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10",
        413 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14",
        415 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.16",
        429 => "https://www.rfc-editor.org/rfc/rfc6585#section-4",
        503 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
        _ => "about:blank",
    };
}
