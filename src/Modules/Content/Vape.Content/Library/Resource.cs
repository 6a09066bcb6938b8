using Vape.BuildingBlocks.Storage;
using Npgsql;
using Vape.Records.Contracts;

namespace Vape.Content.Library;

public enum ResourceFormat { Document, Audio, Video, Link, Epub }

/// <summary>The Creative Commons family, public domain, or another licence (say which in `source`).</summary>
public enum ResourceLicence { CcBy, CcBySa, CcByNd, CcByNc, CcByNcSa, CcByNcNd, Cc0, PublicDomain, Other }

public enum ResourceAudience { Everyone, Children, Youth, Adults, Elderly, Teachers, Officials }

public enum ResourceStatus { Submitted, Approved, Rejected, Withdrawn }

/// <summary>A library resource with its Dublin Core / LRMI description (title, description, creator, subject, language, licence, audience, type, level).</summary>
public sealed record Resource(
    Guid Id, string Title, string Description, LearningDomain Domain, ResourceAudience Audience, string Language, ResourceFormat Format,
    ResourceLicence Licence, string? Author, string? Source, string[] Subjects, string? EducationalLevel, string? ResourceType,
    string? ExternalUrl, string[] Collections, ResourceStatus Status, string? RejectionReason, Guid ReviewUnitId, Guid SubmittedBy,
    DateTimeOffset SubmittedAt, DateTimeOffset? ReviewedAt, long Views, int RatingCount, int RatingSum, Guid? FileId, Guid? CoverFileId,
    int Version = 1, DateTimeOffset? EditedAt = null, DateTimeOffset? WithdrawnAt = null, string? WithdrawalReason = null)
{
    internal const string Columns = "r.id, r.title, r.description, r.domain, r.audience, r.language, r.format, r.licence, r.author, r.source, r.subjects, " +
        "r.educational_level, r.resource_type, r.external_url, r.collections, r.status, r.rejection_reason, r.review_unit_id, r.submitted_by, " +
        "r.submitted_at, r.reviewed_at, r.views, r.rating_count, r.rating_sum, r.file_id, r.cover_file_id, r.version, r.edited_at, r.withdrawn_at, r.withdrawal_reason";

    internal static Resource Read(NpgsqlDataReader r) => new(r.GetGuid(0), r.GetString(1), r.GetString(2), Enum.Parse<LearningDomain>(r.GetString(3)),
        Enum.Parse<ResourceAudience>(r.GetString(4)), r.GetString(5), Enum.Parse<ResourceFormat>(r.GetString(6)), Enum.Parse<ResourceLicence>(r.GetString(7)),
        r.Get<string>(8), r.Get<string>(9), r.GetFieldValue<string[]>(10), r.Get<string>(11), r.Get<string>(12), r.Get<string>(13),
        r.GetFieldValue<string[]>(14), Enum.Parse<ResourceStatus>(r.GetString(15)), r.Get<string>(16), r.GetGuid(17), r.GetGuid(18),
        r.GetFieldValue<DateTimeOffset>(19), r.Get<DateTimeOffset?>(20), r.GetInt64(21), r.GetInt32(22), r.GetInt32(23), r.Get<Guid?>(24), r.Get<Guid?>(25),
        r.GetInt32(26), r.Get<DateTimeOffset?>(27), r.Get<DateTimeOffset?>(28), r.Get<string>(29));

    public double? RatingAverage => RatingCount == 0 ? null : Math.Round((double)RatingSum / RatingCount, 2);
}
