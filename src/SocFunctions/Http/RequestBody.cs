using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace SocFunctions.Http;

/// <summary>App settings section <c>Http</c>.</summary>
public sealed class HttpApiOptions
{
    public const string SectionName = "Http";

    /// <summary>Largest request body accepted, in bytes.</summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;
}

/// <summary>The outcome of reading a JSON body: the value, or the problem to answer with.</summary>
public readonly record struct BodyResult<T>(T? Value, ApiResult? Error, string RawBody)
    where T : class;

/// <summary>Reads request bodies with a size limit, strict UTF-8 and clear 4xx answers.</summary>
public sealed class RequestBodyReader(IOptions<HttpApiOptions> options)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public int MaxBytes => options.Value.MaxRequestBytes;

    public async Task<BodyResult<T>> ReadJsonAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        var raw = await ReadRawAsync(request, cancellationToken).ConfigureAwait(false);
        if (raw.Error is not null)
        {
            return new BodyResult<T>(null, raw.Error, string.Empty);
        }

        if (string.IsNullOrWhiteSpace(raw.Text))
        {
            return new BodyResult<T>(null, ApiResults.BadRequest("The request body is empty; a JSON object is expected."), raw.Text);
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(raw.Text, ApiJson.Options);
            return value is null
                ? new BodyResult<T>(null, ApiResults.BadRequest("The request body must be a JSON object, not null."), raw.Text)
                : new BodyResult<T>(value, null, raw.Text);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine + 1})" : string.Empty;
            return new BodyResult<T>(null, ApiResults.BadRequest("The request body is not valid JSON for this endpoint" + where + "."), raw.Text);
        }
    }

    /// <summary>The body as text, or a 413/400 problem when it is too large or not UTF-8.</summary>
    public async Task<(string Text, ApiResult? Error)> ReadRawAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var max = MaxBytes;
        if (request.ContentLength > max)
        {
            return (string.Empty, TooLarge(max));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return (string.Empty, TooLarge(max));
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return (StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), null);
        }
        catch (DecoderFallbackException)
        {
            return (string.Empty, ApiResults.BadRequest("The request body is not valid UTF-8."));
        }
    }

    private static ApiResult TooLarge(int max) =>
        ApiResults.Problem(StatusCodes.Status413PayloadTooLarge, "The request body is too large.", $"At most {max} bytes are accepted.");
}
