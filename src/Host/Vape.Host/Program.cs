using Vape.BuildingBlocks.Hosting;
using Vape.Classes;
using Vape.Content;
using Vape.Coordination;
using Vape.Funds;
using Vape.Organization;
using Vape.Host;
using Vape.Notifications;
using Vape.Records;

var builder = WebApplication.CreateBuilder(args);

builder.AddVapePlatform();
builder.AddOrganizationModule();
builder.AddRecordsModule();
builder.AddContentModule();
builder.AddClassesModule();
builder.AddCoordinationModule();
builder.AddFundsModule();
builder.AddNotificationsModule();

var app = builder.Build();

app.UseVapePlatform();
app.MapOrganizationModule();
app.MapRecordsModule();
app.MapContentModule();
app.MapClassesModule();
app.MapCoordinationModule();
app.MapFundsModule();
app.MapNotificationsModule();
app.UseVapeWebApp();

return await app.RunVapeAsync(args);

/// <summary>The entry point, visible to the tests' AlbaHost.</summary>
public partial class Program;
