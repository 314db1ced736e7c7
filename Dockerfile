# briefbot: the Telegram bot in a container. See docs/deploy.md (compose.yaml runs it).
FROM python:3.11.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 VIRTUAL_ENV=/opt/venv PATH=/opt/venv/bin:$PATH
WORKDIR /app
RUN python -m venv /opt/venv

# 1. Dependencies in their own layer: rebuilt when pyproject.toml changes, not on code changes.
#    An empty package (and README) stands in for the project so pip resolves its dependencies.
COPY pyproject.toml ./
RUN mkdir bot && touch bot/__init__.py README.md \
    && pip install . && pip uninstall --yes briefbot \
    && rm -rf bot build README.md ./*.egg-info

# 2. The code (this layer is what a code change rebuilds).
COPY README.md ./
COPY bot ./bot
COPY config ./config
COPY deploy/briefbot.example.toml /config/briefbot.toml
RUN pip install --no-deps . \
    && useradd --create-home --uid 10001 briefbot \
    && mkdir -p /data /inbox && chown briefbot:briefbot /data

USER briefbot
# The container's layout; these win over the settings file (docs/settings.md).
ENV BRIEFBOT_CONFIG=/config/briefbot.toml \
    BRIEFBOT_DATABASE_URL=sqlite:////data/briefbot.db \
    BRIEFBOT_INBOX=/inbox
VOLUME ["/data"]
# Webhook mode listens here (telegram.webhook_port); polling mode needs no port.
EXPOSE 8443
# The running bot records heartbeats in the database; health reads them.
HEALTHCHECK --interval=60s --timeout=15s --start-period=120s --retries=3 CMD ["briefbot", "health"]
CMD ["briefbot", "run"]
