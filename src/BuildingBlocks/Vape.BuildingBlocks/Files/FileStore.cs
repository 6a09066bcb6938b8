using System.Security.Cryptography;
using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Hosting;
using Microsoft.Extensions.Options;

namespace Vape.BuildingBlocks.Files;

/// <summary>An uploaded file: what it is, who uploaded it. The bytes live in an <see cref="IFileStore"/>.</summary>
public sealed record StoredFile(Guid Id, string Name, string ContentType, long Length, string Sha256, Guid OwnerId, DateTimeOffset UploadedAt);

/// <summary>
/// Where uploaded files live. The default keeps the bytes under the data folder and the description in
/// PostgreSQL; an object store can implement the same interface. Each module decides who may read which
/// file and serves it from its own endpoint with <see cref="FileResults"/>.
/// </summary>
public interface IFileStore
{
    /// <summary>Checks the name, the size and that the bytes are what the name claims, then keeps the file.</summary>
    Task<StoredFile> SaveAsync(Guid ownerId, string name, Stream content, CancellationToken ct);

    Task<StoredFile?> FindAsync(Guid id, CancellationToken ct);

    Task<Stream> OpenReadAsync(Guid id, CancellationToken ct);

    /// <summary>Forgets the file: its description and its bytes (erasure of personal data). Unknown ids are ignored.</summary>
    Task DeleteAsync(Guid id, CancellationToken ct);
}

internal static class FileErrors
{
    public const string TooLarge = "FILE_TOO_LARGE";
    public const string TypeMismatch = "FILE_TYPE_MISMATCH";
    public const string TypeNotAllowed = "FILE_TYPE_NOT_ALLOWED";
    public const string NameInvalid = "FILE_NAME_INVALID";
}

internal sealed class FileSystemFileStore(IDocumentStore store, VapePaths paths, IOptions<FileLimitsOptions> limits, TimeProvider clock) : IFileStore
{
    public static readonly long DefaultMaxBytes = new FileLimitsOptions().MaxBytes;

    public long MaxBytes => limits.Value.MaxBytes;

    private string Root => Path.Combine(paths.DataPath, "files");

    public async Task<StoredFile> SaveAsync(Guid ownerId, string name, Stream content, CancellationToken ct)
    {
        name = CheckName(name);
        var claimed = FileTypes.Claimed(name)
            ?? throw new VapeException(FileErrors.TypeNotAllowed, $"Không nhận tệp loại này. Các loại được nhận: {string.Join(", ", FileTypes.Extensions.Order())}.");

        var id = Guid.CreateVersion7();
        var target = PathOf(id);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = target + ".part";
        long length = 0;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                var header = new byte[FileTypes.HeaderLength];
                var headerLength = 0;
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    length += read;
                    if (length > MaxBytes)
                        throw new VapeException(FileErrors.TooLarge, $"Tệp lớn hơn giới hạn {MaxBytes / (1024 * 1024)} MB.");
                    var toHeader = Math.Min(read, header.Length - headerLength);
                    buffer.AsSpan(0, toHeader).CopyTo(header.AsSpan(headerLength));
                    headerLength += toHeader;
                    sha.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                if (length == 0) throw new VapeException(FileErrors.TypeMismatch, "Tệp rỗng.");
                if (!FileTypes.Matches(claimed, header.AsSpan(0, headerLength)))
                    throw new VapeException(FileErrors.TypeMismatch, $"Nội dung tệp không phải là {Path.GetExtension(name)} như tên tệp cho biết.");
            }
            File.Move(temporary, target);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }

        var file = new StoredFile(id, name, claimed, length, Convert.ToHexStringLower(sha.GetHashAndReset()), ownerId, clock.GetUtcNow());
        await using var session = store.LightweightSession();
        session.Store(file);
        await session.SaveChangesAsync(ct);
        return file;
    }

    public async Task<StoredFile?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<StoredFile>(id, ct);
    }

    public Task<Stream> OpenReadAsync(Guid id, CancellationToken ct) =>
        Task.FromResult<Stream>(new FileStream(PathOf(id), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));

    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        await using (var session = store.LightweightSession())
        {
            session.Delete<StoredFile>(id);
            await session.SaveChangesAsync(ct);
        }
        File.Delete(PathOf(id));
    }

    private string PathOf(Guid id)
    {
        var text = id.ToString("N");
        return Path.Combine(Root, text[^2..], text);
    }

    /// <summary>A plain file name: no folders, no control characters, a known extension, at most 200 characters.</summary>
    public static string CheckName(string? name)
    {
        name = name?.Trim() ?? "";
        if (name.Length is 0 or > 200 || name.IndexOfAny(['/', '\\']) >= 0 || name.Any(char.IsControl) || name is "." or ".."
            || name.StartsWith('.') || Path.GetExtension(name).Length < 2)
            throw new VapeException(FileErrors.NameInvalid, "Tên tệp không hợp lệ: chỉ là tên tệp có phần mở rộng (không có thư mục), tối đa 200 ký tự.");
        return name.Normalize(System.Text.NormalizationForm.FormC);
    }
}
