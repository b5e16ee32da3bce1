# syntax=docker/dockerfile:1

# Build: restore with the central package versions, then publish the site in Release.
# ReadyToRun code for the target architecture takes a good part of the JIT out of start-up.
FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/PetitionSite/PetitionSite.csproj src/PetitionSite/
RUN dotnet restore src/PetitionSite/PetitionSite.csproj -a $TARGETARCH -p:PublishReadyToRun=true
COPY src/ src/
RUN dotnet publish src/PetitionSite/PetitionSite.csproj -c Release -a $TARGETARCH --self-contained false \
    -p:PublishReadyToRun=true --no-restore -o /app

# Run: the ASP.NET Core runtime only, as the image's non-root user, with data on a volume.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./

# The SQLite file, the Data Protection keys and the .eml pickup folder (when no SMTP server is set) live in /data.
RUN mkdir -p /data/mail /data/keys && chown -R $APP_UID:$APP_UID /data
VOLUME ["/data"]
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__Petitions="Data Source=/data/petitions.db" \
    DataProtection__KeysDirectory=/data/keys \
    Smtp__PickupDirectory=/data/mail
EXPOSE 8080
USER $APP_UID

# The runtime image has no curl or wget; the site's own binary stays small, so bash's /dev/tcp does the probe.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /healthz HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

ENTRYPOINT ["dotnet", "PetitionSite.dll"]
