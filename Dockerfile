# Vape host image. Built from the repo root: docker build -t vape-host .

# ---- build ----
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# The host's build also builds the web app (src/Web) with Node and npm (docs/adr/0081).
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*

# Restore inputs: nuget.config maps IdentityModel and Patched.DistributedLock.Postgres to the
# local shim feed (docs/adr/0003); everything else comes from the SDK image's default nuget.org source.
COPY global.json nuget.config Directory.Build.props Directory.Packages.props Vape.sln schema.graphql ./
COPY eng/shims/packages/ eng/shims/packages/
COPY src/ src/

RUN dotnet restore src/Host/Vape.Host/Vape.Host.csproj
RUN dotnet publish src/Host/Vape.Host/Vape.Host.csproj -c Release -o /app --no-restore -p:UseAppHost=false

# ---- runtime ----
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app

# /data is the library file store (Vape__DataPath). Creating it owned by the app user means a fresh
# named volume mounted there inherits that ownership, so the non-root process can write to it.
RUN mkdir -p /data && chown app:app /data

COPY --from=build /app ./

# Non-root user shipped with the .NET images (UID 1654).
USER $APP_UID

# The base image already listens on 8080 (ASPNETCORE_HTTP_PORTS).
EXPOSE 8080

# No curl/wget in this image: docker-compose.yml probes /health/ready with bash's /dev/tcp instead.
ENTRYPOINT ["dotnet", "Vape.Host.dll"]
