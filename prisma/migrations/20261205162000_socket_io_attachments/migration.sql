-- socket.io's PostgreSQL adapter keeps payloads larger than NOTIFY allows in this table.
-- It used to be created by each instance at start, and two instances starting together on a
-- fresh database raced (`relation "socket_io_attachments" already exists`). Databases where
-- that start-up code already created it keep theirs: same shape, same index name.

-- CreateTable
CREATE TABLE IF NOT EXISTS "socket_io_attachments" (
    "id" BIGSERIAL NOT NULL,
    "created_at" TIMESTAMPTZ(6) DEFAULT CURRENT_TIMESTAMP,
    "payload" BYTEA
);

-- CreateIndex
CREATE UNIQUE INDEX IF NOT EXISTS "socket_io_attachments_id_key" ON "socket_io_attachments"("id");
