import mongoose from "mongoose";
import type { Logger } from "../logger.js";

/**
 * Logs when the database goes away and comes back. Nothing to do on return: the driver
 * reconnects by itself, and requests meanwhile fail fast with a retryable 503.
 */
export function watchDatabaseConnection(logger: Logger): () => void {
  const connection = mongoose.connection;
  const onDisconnected = () => logger.warn("database connection lost: requests answer 503 until it returns");
  const onReconnected = () => logger.info("database connection restored");
  const onError = (error: unknown) => logger.warn({ err: error }, "database connection error");
  connection.on("disconnected", onDisconnected);
  connection.on("reconnected", onReconnected);
  connection.on("error", onError);
  return () => {
    connection.off("disconnected", onDisconnected);
    connection.off("reconnected", onReconnected);
    connection.off("error", onError);
  };
}
