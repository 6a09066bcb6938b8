// The module's event streams: every append and read of them goes through this one alias (docs/adr/0062).
global using Streams = Vape.BuildingBlocks.Storage.ModuleStreams<Vape.Organization.OrganizationModule>;
