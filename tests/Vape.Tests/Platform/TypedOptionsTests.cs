using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vape.Classes.Classroom;
using Vape.Coordination;

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
}
