FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

COPY pyproject.toml README.md ./
COPY bot ./bot
COPY config ./config
RUN pip install . && useradd --create-home --uid 10001 briefbot \
    && mkdir -p /data/inbox && chown -R briefbot /data

USER briefbot
# Reports and the SQLite database live on the volume.
ENV BRIEFBOT_DATABASE_URL=sqlite:////data/briefbot.db BRIEFBOT_INBOX=/data/inbox
VOLUME ["/data"]
CMD ["briefbot", "--config", "/app/config/briefbot.toml", "run"]
