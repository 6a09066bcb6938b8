using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vape.BuildingBlocks.Hosting;
using Vape.Classes.Classroom;
using Vape.Coordination;
using Vape.Notifications.Push;
using Vape.Organization.Accounts;
using Vape.Organization.People;

namespace Vape.Tests.Platform;

/// <summary>
/// Typed options (docs/adr/0114): the keys of the README and docs bind as before, and a bad value is refused with a
/// message naming its key. What ValidateOnStart does with the refusal (the host does not start) is the framework's.
/// </summary>
public class TypedOptionsTests
{
    private static T Bind<T>(Action<IServiceCollection> add, params (string Key, string Value)[] values) where T : class
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        add(services);
        return services.BuildServiceProvider().GetRequiredService<IOptions<T>>().Value;
    }

    [Fact]
    public void Without_configuration_the_defaults_are_the_old_ones()
    {
        var coordination = new CoordinationSettings(Options.Create(Bind<CoordinationOptions>(CoordinationOptions.AddTo)));
        Assert.Equal((TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(120), 3, 20, TimeSpan.FromSeconds(90), 5000, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)),
            (coordination.UrgentReminder, coordination.ImportantReminder, coordination.MaxReminders, coordination.SmallChannel, coordination.PresenceTimeout,
                coordination.MaxCatchUp, coordination.PushMarkInterval, coordination.PushGrace));
        var classes = Bind<ClassroomOptions>(ClassroomOptions.AddTo);
        Assert.Equal((30, 60), (classes.RoomOpensMinutesBefore, classes.LeaseSeconds));
    }

    [Fact]
    public void The_documented_keys_bind()
    {
        var coordination = Bind<CoordinationOptions>(CoordinationOptions.AddTo,
            ("Vape:Coordination:UrgentReminderMinutes", "0.05"), ("Vape:Coordination:SmallChannelMembers", "5"), ("Vape:Coordination:PushGraceSeconds", "2"));
        Assert.Equal((0.05, 5, 2.0), (coordination.UrgentReminderMinutes, coordination.SmallChannelMembers, coordination.PushGraceSeconds));
        var classes = Bind<ClassroomOptions>(ClassroomOptions.AddTo, ("Vape:Classes:RoomOpensMinutesBefore", "45"), ("Vape:Classes:LeaseSeconds", "5"));
        Assert.Equal((45, 5), (classes.RoomOpensMinutesBefore, classes.LeaseSeconds));
    }

    [Theory]
    [InlineData("Vape:Coordination:UrgentReminderMinutes", "0")]
    [InlineData("Vape:Coordination:MaxCatchUpEvents", "-1")]
    [InlineData("Vape:Coordination:PresenceTimeoutSeconds", "1000000")]
    public void A_coordination_value_out_of_range_is_refused_naming_its_key(string key, string value)
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Bind<CoordinationOptions>(CoordinationOptions.AddTo, (key, value)));
        Assert.Contains(key, refused.Message);
    }

    [Theory]
    [InlineData("Vape:Classes:LeaseSeconds", "0")]
    [InlineData("Vape:Classes:RoomOpensMinutesBefore", "-5")]
    [InlineData("Vape:Classes:ReminderSweepBatch", "0")]
    public void A_classroom_value_out_of_range_is_refused_naming_its_key(string key, string value)
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Bind<ClassroomOptions>(ClassroomOptions.AddTo, (key, value)));
        Assert.Contains(key, refused.Message);
    }

    [Fact]
    public void A_value_that_is_not_a_number_is_refused_naming_its_key()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Bind<ClassroomOptions>(ClassroomOptions.AddTo, ("Vape:Classes:LeaseSeconds", "một phút")));
        Assert.Contains("Vape:Classes:LeaseSeconds", refused.Message);
    }

    [Fact]
    public void The_platforms_limits_keep_their_documented_defaults()
    {
        var graphQL = Bind<GraphQLLimitsOptions>(PlatformOptions.AddTo);
        Assert.Equal((32_768, 1_048_576, 12, 50_000, 30), (graphQL.MaxDocumentLength, graphQL.MaxBodyBytes, graphQL.MaxDepth, graphQL.MaxComplexity, graphQL.TimeoutSeconds));
        Assert.Equal((20_000L, 100_000L, 1000, 32), (graphQL.AnonymousCostPerMinute, graphQL.SignedInCostPerMinute, graphQL.RefusalHoldMilliseconds, graphQL.MaxInFlightPerClient));
        var hubs = Bind<HubLimitsOptions>(PlatformOptions.AddTo);
        Assert.Equal((32_768L, 5.0), (hubs.MaxMessageBytes, hubs.CallsPerSecond));
        Assert.Equal(25L * 1024 * 1024, Bind<FileLimitsOptions>(PlatformOptions.AddTo).MaxBytes);
        Assert.Equal(300, Bind<AnonymousRateLimitOptions>(PlatformOptions.AddTo).AnonymousGraphQLPerMinute);
        Assert.False(Bind<DemoDataOptions>(PlatformOptions.AddTo).DemoData);
        Assert.Equal(20, Bind<MemberImportOptions>(MemberImportOptions.AddTo).MemberImportsPerHour);
        var push = Bind<WebPushOptions>(WebPushOptions.AddTo);
        Assert.Equal("mailto:thongbao@khuyenhoc.vn", push.Subject);
        Assert.Equal(WebPushOptions.DefaultOrigins, push.Origins);
    }

    [Fact]
    public void The_platforms_documented_keys_bind()
    {
        var graphQL = Bind<GraphQLLimitsOptions>(PlatformOptions.AddTo, ("Vape:GraphQL:MaxDepth", "6"), ("Vape:GraphQL:TimeoutSeconds", "10"), ("Vape:GraphQL:MaxBodyBytes", "4096"));
        Assert.Equal((6, 10, 4096), (graphQL.MaxDepth, graphQL.TimeoutSeconds, graphQL.MaxBodyBytes));
        var costs = Bind<GraphQLLimitsOptions>(PlatformOptions.AddTo, ("Vape:GraphQL:AnonymousCostPerMinute", "2000"), ("Vape:GraphQL:SignedInCostPerMinute", "100000000000"),
            ("Vape:GraphQL:RefusalHoldMilliseconds", "0"), ("Vape:GraphQL:MaxInFlightPerClient", "2"));
        Assert.Equal((2000L, 100_000_000_000L, 0, 2), (costs.AnonymousCostPerMinute, costs.SignedInCostPerMinute, costs.RefusalHoldMilliseconds, costs.MaxInFlightPerClient));
        Assert.Equal(2.5, Bind<HubLimitsOptions>(PlatformOptions.AddTo, ("Vape:Hubs:CallsPerSecond", "2.5")).CallsPerSecond);
        Assert.Equal(1000L, Bind<FileLimitsOptions>(PlatformOptions.AddTo, ("Vape:Files:MaxBytes", "1000")).MaxBytes);
        Assert.True(Bind<DemoDataOptions>(PlatformOptions.AddTo, ("Vape:DemoData", "true")).DemoData);
        Assert.Equal(3, Bind<MemberImportOptions>(MemberImportOptions.AddTo, ("Vape:RateLimits:MemberImportsPerHour", "3")).MemberImportsPerHour);
        // Configured push services replace the default ones; they are not added to them.
        var push = Bind<WebPushOptions>(WebPushOptions.AddTo, ("Vape:WebPush:AllowedOrigins:0", "http://127.0.0.1:5999"), ("Vape:WebPush:Subject", "https://khuyenhoc.vn/lien-he"));
        Assert.Equal(["http://127.0.0.1:5999"], push.Origins);
        Assert.Equal("https://khuyenhoc.vn/lien-he", push.Subject);
    }

    [Theory]
    [InlineData("Vape:GraphQL:MaxDepth", "0")]
    [InlineData("Vape:GraphQL:TimeoutSeconds", "-1")]
    [InlineData("Vape:GraphQL:MaxDocumentLength", "10")]
    [InlineData("Vape:GraphQL:AnonymousCostPerMinute", "0")]
    [InlineData("Vape:GraphQL:SignedInCostPerMinute", "-100")]
    [InlineData("Vape:GraphQL:RefusalHoldMilliseconds", "-1")]
    [InlineData("Vape:GraphQL:MaxInFlightPerClient", "0")]
    [InlineData("Vape:Hubs:MaxMessageBytes", "0")]
    [InlineData("Vape:Hubs:CallsPerSecond", "0")]
    [InlineData("Vape:Files:MaxBytes", "0")]
    [InlineData("Vape:RateLimits:AnonymousGraphQLPerMinute", "0")]
    public void A_platform_value_out_of_range_is_refused_naming_its_key(string key, string value)
    {
        var refused = Assert.Throws<OptionsValidationException>(() =>
        {
            Bind<GraphQLLimitsOptions>(PlatformOptions.AddTo, (key, value));
            Bind<HubLimitsOptions>(PlatformOptions.AddTo, (key, value));
            Bind<FileLimitsOptions>(PlatformOptions.AddTo, (key, value));
            Bind<AnonymousRateLimitOptions>(PlatformOptions.AddTo, (key, value));
        });
        Assert.Contains(key, refused.Message);
    }

    [Theory]
    [InlineData("Vape:GraphQL:MaxDepth", "0")]
    [InlineData("Vape:Hubs:MaxMessageBytes", "-5")]
    public void A_limit_read_while_registering_is_refused_naming_its_key(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([KeyValuePair.Create(key, (string?)value)]).Build();
        var refused = Assert.Throws<OptionsValidationException>(() =>
        {
            configuration.Bound<GraphQLLimitsOptions>(GraphQLLimitsOptions.Section);
            configuration.Bound<HubLimitsOptions>(HubLimitsOptions.Section);
        });
        Assert.Contains(key, refused.Message);
    }

    [Theory]
    [InlineData("Vape:RateLimits:MemberImportsPerHour", "0")]
    [InlineData("Vape:WebPush:Subject", "thongbao")]
    public void A_module_value_out_of_range_is_refused_naming_its_key(string key, string value)
    {
        var refused = Assert.Throws<OptionsValidationException>(() =>
        {
            Bind<MemberImportOptions>(MemberImportOptions.AddTo, (key, value));
            Bind<WebPushOptions>(WebPushOptions.AddTo, (key, value));
        });
        Assert.Contains(key, refused.Message);
    }

    [Fact]
    public void The_code_senders_are_off_without_configuration_and_their_documented_keys_bind()
    {
        var smtp = Bind<SmtpCodeOptions>(SmtpCodeOptions.AddTo);
        Assert.Equal((false, 587, SmtpSecurity.StartTls, 15), (smtp.Configured, smtp.Port, smtp.Security, smtp.TimeoutSeconds));
        var sms = Bind<SmsWebhookOptions>(SmsWebhookOptions.AddTo);
        Assert.Equal((false, 15), (sms.Configured, sms.TimeoutSeconds));

        smtp = Bind<SmtpCodeOptions>(SmtpCodeOptions.AddTo, ("Vape:Codes:Smtp:Host", "smtp.khuyenhoc.vn"), ("Vape:Codes:Smtp:Port", "465"),
            ("Vape:Codes:Smtp:Security", "Tls"), ("Vape:Codes:Smtp:From", "Vape <no-reply@khuyenhoc.vn>"), ("Vape:Codes:Smtp:UserName", "vape"),
            ("Vape:Codes:Smtp:Password", "mật-khẩu"), ("Vape:Codes:Smtp:TimeoutSeconds", "30"));
        Assert.Equal((true, "smtp.khuyenhoc.vn", 465, SmtpSecurity.Tls, "Vape <no-reply@khuyenhoc.vn>", "vape", 30),
            (smtp.Configured, smtp.Host, smtp.Port, smtp.Security, smtp.From, smtp.UserName, smtp.TimeoutSeconds));
        sms = Bind<SmsWebhookOptions>(SmsWebhookOptions.AddTo, ("Vape:Codes:Sms:Url", "https://sms.khuyenhoc.vn/gui"),
            ("Vape:Codes:Sms:Secret", new string('k', 32)), ("Vape:Codes:Sms:TimeoutSeconds", "5"));
        Assert.Equal((true, "https://sms.khuyenhoc.vn/gui", 5), (sms.Configured, sms.Url, sms.TimeoutSeconds));
        // A relay on this machine may go without TLS; a gateway adapter on this machine over http.
        Assert.True(Bind<SmtpCodeOptions>(SmtpCodeOptions.AddTo, ("Vape:Codes:Smtp:Host", "127.0.0.1"), ("Vape:Codes:Smtp:Security", "None"),
            ("Vape:Codes:Smtp:From", "no-reply@khuyenhoc.vn")).Configured);
        Assert.True(Bind<SmsWebhookOptions>(SmsWebhookOptions.AddTo, ("Vape:Codes:Sms:Url", "http://127.0.0.1:9000/sms"), ("Vape:Codes:Sms:Secret", new string('k', 40))).Configured);
    }

    private static readonly (string, string)[] SmtpRelay = [("Vape:Codes:Smtp:Host", "smtp.khuyenhoc.vn"), ("Vape:Codes:Smtp:From", "no-reply@khuyenhoc.vn")];

    [Theory]
    [InlineData("Vape:Codes:Smtp:Port", "0", "Vape:Codes:Smtp:Port")]
    [InlineData("Vape:Codes:Smtp:Port", "70000", "Vape:Codes:Smtp:Port")]
    [InlineData("Vape:Codes:Smtp:TimeoutSeconds", "0", "Vape:Codes:Smtp:TimeoutSeconds")]
    [InlineData("Vape:Codes:Smtp:From", "không phải địa chỉ", "Vape:Codes:Smtp:From")]
    [InlineData("Vape:Codes:Smtp:From", "", "Vape:Codes:Smtp:From")]
    [InlineData("Vape:Codes:Smtp:Security", "None", "Vape:Codes:Smtp:Security")]
    [InlineData("Vape:Codes:Smtp:UserName", "vape", "Vape:Codes:Smtp:Password")]
    [InlineData("Vape:Codes:Smtp:Password", "mật-khẩu", "Vape:Codes:Smtp:UserName")]
    public void A_bad_smtp_code_sender_value_is_refused_naming_its_key(string key, string value, string named)
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Bind<SmtpCodeOptions>(SmtpCodeOptions.AddTo, [.. SmtpRelay.Where(r => r.Item1 != key), (key, value)]));
        Assert.Contains(named, refused.Message);
    }

    [Theory]
    [InlineData("Vape:Codes:Sms:Url", "http://sms.khuyenhoc.vn/gui", "Vape:Codes:Sms:Url")]
    [InlineData("Vape:Codes:Sms:Url", "sms.khuyenhoc.vn", "Vape:Codes:Sms:Url")]
    [InlineData("Vape:Codes:Sms:Secret", "ngắn", "Vape:Codes:Sms:Secret")]
    [InlineData("Vape:Codes:Sms:TimeoutSeconds", "121", "Vape:Codes:Sms:TimeoutSeconds")]
    public void A_bad_sms_webhook_value_is_refused_naming_its_key(string key, string value, string named)
    {
        (string, string)[] gateway = [("Vape:Codes:Sms:Url", "https://sms.khuyenhoc.vn/gui"), ("Vape:Codes:Sms:Secret", new string('k', 32))];
        var refused = Assert.Throws<OptionsValidationException>(() => Bind<SmsWebhookOptions>(SmsWebhookOptions.AddTo, [.. gateway.Where(g => g.Item1 != key), (key, value)]));
        Assert.Contains(named, refused.Message);
    }

    [Fact]
    public void A_code_sender_switched_off_needs_nothing_else()
    {
        Assert.False(Bind<SmtpCodeOptions>(SmtpCodeOptions.AddTo, ("Vape:Codes:Smtp:From", "không phải địa chỉ")).Configured);
        Assert.False(Bind<SmsWebhookOptions>(SmsWebhookOptions.AddTo, ("Vape:Codes:Sms:Secret", "ngắn")).Configured);
    }

    [Fact]
    public void A_demo_data_switch_that_is_not_true_or_false_is_refused_naming_its_key()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Bind<DemoDataOptions>(PlatformOptions.AddTo, ("Vape:DemoData", "có")));
        Assert.Contains("Vape:DemoData", refused.Message);
    }

    /// <summary>Every key read before the container exists, bound as AddVapePlatform binds it (ADR 0176).</summary>
    private static void BindStartupKeys(params (string Key, string Value)[] values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
        configuration.Bound<StartupOptions>(StartupOptions.Section);
        configuration.Bound<ConnectionStringOptions>(ConnectionStringOptions.Section);
        configuration.Bound<CorsOptions>(CorsOptions.Section);
        configuration.Bound<EntraIdOptions>(EntraIdOptions.Section);
        configuration.Bound<CitizenIssuerOptions>(CitizenIssuerOptions.Section);
        configuration.Bound<TelemetryOptions>(TelemetryOptions.Section);
        configuration.Bound<OtlpVariableOptions>(OtlpVariableOptions.Section);
        configuration.Bound<LoadTestOptions>(LoadTestOptions.Section);
        configuration.Bound<OfficialsSignInOptions>(OfficialsSignInOptions.Section);
    }

    [Theory]
    [InlineData("Vape:Citizens:Scopes", "Vape:Citizens:ClientId", "vape-web")]
    [InlineData("Vape:Citizens:BrowserAuthority", "Vape:Citizens:Scopes", "api://vape/access")]
    [InlineData("Vape:Officials:Scopes", "Vape:Officials:ClientId", "vape-web")]
    public void The_web_apps_sign_in_keys_are_refused_incomplete_naming_the_missing_one(string named, string key, string value)
    {
        // An http authority (a provider on 127.0.0.1) with a client id: the browser needs https (MSAL; ADR 0204).
        (string, string)[] citizens = [("Vape:Citizens:Authority", "http://127.0.0.1:5999"), ("Vape:Citizens:Audience", "vape-citizens"),
            ("Vape:Citizens:RequireHttpsMetadata", "false"), ("Vape:Citizens:ClientId", "vape-web")];
        var refused = Assert.Throws<OptionsValidationException>(() => BindStartupKeys(key.StartsWith("Vape:Citizens", StringComparison.Ordinal)
            ? [.. citizens.Where(c => c.Item1 != key), (key, value)] : [(key, value)]));
        Assert.Contains(named, refused.Message);
    }

    [Fact]
    public void A_citizens_provider_with_the_web_apps_keys_is_listed_to_the_app_and_none_without()
    {
        (string Key, string Value)[] values = [("Vape:Citizens:Authority", "http://127.0.0.1:5999"), ("Vape:Citizens:Audience", "vape-citizens"),
            ("Vape:Citizens:RequireHttpsMetadata", "false"), ("Vape:Citizens:ClientId", "vape-web"), ("Vape:Citizens:Scopes", "api://vape/access openid"),
            ("Vape:Citizens:BrowserAuthority", "https://127.0.0.1:5998")];
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
        var listed = Vape.BuildingBlocks.Auth.SignInProviders.From(configuration.Bound<EntraIdOptions>(EntraIdOptions.Section),
            configuration.Bound<OfficialsSignInOptions>(OfficialsSignInOptions.Section), configuration.Bound<CitizenIssuerOptions>(CitizenIssuerOptions.Section));
        var citizens = Assert.Single(listed.Providers);
        Assert.Equal(("citizens", "https://127.0.0.1:5998", "vape-web", "OIDC"), (citizens.Kind, citizens.Authority, citizens.ClientId, citizens.ProtocolMode));
        Assert.Equal(["api://vape/access", "openid"], citizens.Scopes);
        Assert.Equal(["127.0.0.1:5998"], citizens.KnownAuthorities);
        var empty = new ConfigurationBuilder().Build();
        Assert.Empty(Vape.BuildingBlocks.Auth.SignInProviders.From(empty.Bound<EntraIdOptions>(EntraIdOptions.Section),
            empty.Bound<OfficialsSignInOptions>(OfficialsSignInOptions.Section), empty.Bound<CitizenIssuerOptions>(CitizenIssuerOptions.Section)).Providers);
    }

    [Fact]
    public void The_start_up_keys_keep_their_defaults_and_documented_names()
    {
        var empty = new ConfigurationBuilder().Build();
        var startup = empty.Bound<StartupOptions>(StartupOptions.Section);
        Assert.Equal(("vape", null, null, null, false), (startup.Database, startup.DataPath, startup.PostgresBin, startup.WebRoot, startup.ThrowOnStartupFailure));
        Assert.True(empty.Bound<CitizenIssuerOptions>(CitizenIssuerOptions.Section).RequireHttpsMetadata);
        Assert.False(empty.Bound<CitizenIssuerOptions>(CitizenIssuerOptions.Section).Enabled);
        Assert.False(empty.Bound<EntraIdOptions>(EntraIdOptions.Section).Enabled);
        Assert.Empty(empty.Bound<CorsOptions>(CorsOptions.Section).Origins);

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Vape:DataPath"] = "/tmp/vape-data", ["Vape:Database"] = "vape_tests_2", ["Vape:PostgresBin"] = "/usr/lib/postgresql/17/bin",
            ["Vape:WebRoot"] = "src/Web/dist", ["Vape:ThrowOnStartupFailure"] = "true", ["Vape:LoadTest:BaselineHub"] = "true",
            ["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Database=vape", ["ConnectionStrings:Redis"] = "127.0.0.1:6379,password=x",
            ["Vape:Cors:Origins:0"] = "https://app.vape.test", ["Vape:Cors:Origins:1"] = "http://127.0.0.1:5173",
            ["Vape:Citizens:Authority"] = "http://127.0.0.1:5999", ["Vape:Citizens:Audience"] = "vape-citizens", ["Vape:Citizens:RequireHttpsMetadata"] = "false",
            ["AzureAd:Instance"] = "https://login.microsoftonline.com/", ["AzureAd:TenantId"] = "khuyenhoc", ["AzureAd:ClientId"] = "api",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4317",
        }).Build();
        startup = configuration.Bound<StartupOptions>(StartupOptions.Section);
        Assert.Equal(("/tmp/vape-data", "vape_tests_2", "/usr/lib/postgresql/17/bin", "src/Web/dist", true),
            (startup.DataPath, startup.Database, startup.PostgresBin, startup.WebRoot, startup.ThrowOnStartupFailure));
        var connections = configuration.Bound<ConnectionStringOptions>(ConnectionStringOptions.Section);
        Assert.Equal(("Host=127.0.0.1;Database=vape", "127.0.0.1:6379,password=x"), (connections.Postgres, connections.Redis));
        Assert.Equal(["https://app.vape.test", "http://127.0.0.1:5173"], configuration.Bound<CorsOptions>(CorsOptions.Section).Origins);
        var citizens = configuration.Bound<CitizenIssuerOptions>(CitizenIssuerOptions.Section);
        Assert.Equal((true, "http://127.0.0.1:5999", "vape-citizens", false), (citizens.Enabled, citizens.Authority, citizens.Audience, citizens.RequireHttpsMetadata));
        Assert.True(configuration.Bound<EntraIdOptions>(EntraIdOptions.Section).Enabled);
        var byAuthority = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureAd:ClientId"] = "api", ["AzureAd:Authority"] = "https://login.microsoftonline.com/khuyenhoc/v2.0",
        }).Build();
        Assert.True(byAuthority.Bound<EntraIdOptions>(EntraIdOptions.Section).Enabled);
        Assert.True(configuration.Bound<LoadTestOptions>(LoadTestOptions.Section).BaselineHub);
        Assert.Equal("http://127.0.0.1:4317", configuration.Bound<OtlpVariableOptions>(OtlpVariableOptions.Section).Endpoint);
    }

    [Theory]
    [InlineData("Vape:Database", "vape tests; drop", "Vape:Database")]
    [InlineData("Vape:Database", "1vape", "Vape:Database")]
    [InlineData("ConnectionStrings:Postgres", "Hots=127.0.0.1;Database=vape", "ConnectionStrings:Postgres")]
    [InlineData("ConnectionStrings:Redis", "127.0.0.1:6379,nosuchoption=1", "ConnectionStrings:Redis")]
    [InlineData("Vape:Cors:Origins:0", "https://app.vape.test/trang", "Vape:Cors:Origins:0")]
    [InlineData("Vape:Cors:Origins:0", "app.vape.test", "Vape:Cors:Origins:0")]
    [InlineData("Vape:Citizens:Authority", "http://127.0.0.1:5999", "Vape:Citizens:Authority")]
    [InlineData("Vape:Citizens:Authority", "https://login.khuyenhoc.vn", "Vape:Citizens:Audience")]
    [InlineData("AzureAd:ClientId", "api", "AzureAd:TenantId")]
    [InlineData("OpenTelemetry:Endpoint", "otel-collector:4317", "OpenTelemetry:Endpoint")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "otel-collector", "OTEL_EXPORTER_OTLP_ENDPOINT")]
    public void A_bad_start_up_value_is_refused_naming_its_key(string key, string value, string named)
    {
        var refused = Assert.Throws<OptionsValidationException>(() => BindStartupKeys((key, value)));
        Assert.Contains(named, refused.Message);
        Assert.DoesNotContain(value, refused.Message); // a connection string's text (a password) is never repeated
    }

    [Theory]
    [InlineData("Vape:ThrowOnStartupFailure")]
    [InlineData("Vape:LoadTest:BaselineHub")]
    [InlineData("Vape:Citizens:RequireHttpsMetadata")]
    public void A_start_up_switch_that_is_not_true_or_false_is_refused_naming_its_key(string key)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => BindStartupKeys((key, "có")));
        Assert.Contains(key, refused.Message);
    }

    private static Vape.Classes.Media.MediaOptions Media(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build()
            .GetSection(Vape.Classes.Media.MediaOptions.Section).Get<Vape.Classes.Media.MediaOptions>() ?? new();

    [Fact]
    public void A_recording_folder_must_be_absolute_and_recording_needs_one_on_every_node()
    {
        var relative = Media(("Vape:Media:Janus:Nodes:0:AdminUrl", "http://127.0.0.1:7088/admin"), ("Vape:Media:Janus:Nodes:0:RecordingDir", "data/recordings"));
        Assert.Contains(relative.Problems(), p => p.Contains("Vape:Media:Janus:Nodes:0:RecordingDir"));
        var one = Media([.. TwoNodes, ("Vape:Media:Janus:Nodes:0:RecordingDir", "/srv/janus/recordings")]);
        Assert.Empty(one.Problems());
        Assert.False(one.RecordingEnabled, "a node without a folder: a class placed there could not be recorded");
        var both = Media([.. TwoNodes, ("Vape:Media:Janus:Nodes:0:RecordingDir", "/srv/a"), ("Vape:Media:Janus:Nodes:1:RecordingDir", "/srv/b")]);
        Assert.True(both.RecordingEnabled);
        Assert.Contains(Media(("Vape:Media:RecordingClaimMinutes", "0")).Problems(), p => p.Contains("Vape:Media:RecordingClaimMinutes"));
        Assert.Equal(("/usr/bin/janus-pp-rec", 15), (Media().RecordingTool, Media().RecordingClaimMinutes));
    }

    [Fact]
    public void The_node_watch_keys_have_defaults_and_a_bad_value_is_refused_naming_its_key()
    {
        Assert.Equal((5, 3), (Media().NodeCheckSeconds, Media().NodeMisses));
        Assert.Contains(Media(("Vape:Media:NodeCheckSeconds", "0")).Problems(), p => p.Contains("Vape:Media:NodeCheckSeconds"));
        Assert.Contains(Media(("Vape:Media:NodeMisses", "0")).Problems(), p => p.Contains("Vape:Media:NodeMisses"));
        Assert.Empty(Media([.. TwoNodes, ("Vape:Media:NodeCheckSeconds", "1"), ("Vape:Media:NodeMisses", "3")]).Problems());
    }

    private static readonly (string Key, string Value)[] TwoNodes =
    [
        ("Vape:Media:Janus:Nodes:0:Name", "a"), ("Vape:Media:Janus:Nodes:0:AdminUrl", "http://127.0.0.1:7088/admin"),
        ("Vape:Media:Janus:Nodes:0:PublicUrl", "http://10.0.0.2:8088/janus"), ("Vape:Media:Janus:Nodes:0:AdminKey", "k0"),
        ("Vape:Media:Janus:Nodes:1:Name", "b"), ("Vape:Media:Janus:Nodes:1:AdminUrl", "http://127.0.0.1:7089/admin"),
        ("Vape:Media:Janus:Nodes:1:PublicUrl", "http://10.0.0.3:8088/janus"), ("Vape:Media:Janus:Nodes:1:AdminKey", "k1"),
    ];

    [Fact]
    public void The_media_keys_keep_their_defaults_and_two_complete_nodes_start()
    {
        var media = Bind<Vape.Classes.Media.MediaOptions>(Vape.Classes.Media.MediaSetup.AddMediaOptions, TwoNodes);
        Assert.Equal((2, 240, 30, 2, 30), (media.Janus.Nodes.Count, media.TokenMinutes, media.SweepSeconds, media.RelaySeconds, media.PublishersPollSeconds));
        Assert.False(Bind<Vape.Classes.Media.MediaOptions>(Vape.Classes.Media.MediaSetup.AddMediaOptions).Enabled);
    }

    [Theory]
    [InlineData("Vape:Media:Janus:Nodes:1:Name", "a")]
    [InlineData("Vape:Media:Janus:Nodes:1:Name", " ")]
    [InlineData("Vape:Media:Janus:Nodes:0:AdminUrl", "127.0.0.1:7088/admin")]
    [InlineData("Vape:Media:Janus:Nodes:1:PublicUrl", "ws://10.0.0.3:8188")]
    [InlineData("Vape:Media:Janus:Nodes:0:AdminKey", "")]
    [InlineData("Vape:Media:Janus:Nodes:1:RelayAddress", "10.0.0.3:5002")]
    [InlineData("Vape:Media:TokenMinutes", "0")]
    [InlineData("Vape:Media:SweepSeconds", "0")]
    [InlineData("Vape:Media:RelaySeconds", "0")]
    [InlineData("Vape:Media:PublishersPollSeconds", "0")]
    [InlineData("Vape:Media:RecordingClaimMinutes", "100000")]
    [InlineData("Vape:Media:JanusScript", "")]
    public void A_bad_media_value_stops_the_start_naming_its_key(string key, string value)
    {
        var refused = Assert.Throws<OptionsValidationException>(() =>
            Bind<Vape.Classes.Media.MediaOptions>(Vape.Classes.Media.MediaSetup.AddMediaOptions, [.. TwoNodes.Where(v => v.Key != key), (key, value)]));
        Assert.Contains(key, refused.Message);
    }

    [Fact]
    public void A_media_value_that_is_not_a_number_is_refused_naming_its_key()
    {
        var refused = Assert.Throws<InvalidOperationException>(() =>
            Bind<Vape.Classes.Media.MediaOptions>(Vape.Classes.Media.MediaSetup.AddMediaOptions, [.. TwoNodes, ("Vape:Media:SweepSeconds", "nửa phút")]));
        Assert.Contains("Vape:Media:SweepSeconds", refused.Message);
    }
}
