# factdesk: a small, static, non-root image.
# The build line below is the same one .ci/run runs, so CI checks it even
# where no Docker engine is available.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/factdesk . \
 && mkdir -p /out/data && chown 65532:65532 /out/data

FROM scratch
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=build /usr/share/zoneinfo /usr/share/zoneinfo
COPY --from=build /out/factdesk /factdesk
COPY --from=build --chown=65532:65532 /out/data /data
USER 65532:65532
ENV DATABASE_PATH=/data/factdesk.db
VOLUME ["/data"]
EXPOSE 8080
ENTRYPOINT ["/factdesk"]
CMD ["run"]
