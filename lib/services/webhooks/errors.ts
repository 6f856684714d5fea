import { AppError, AppErrorCode } from "@/lib/errors";

/** An unknown endpoint id, or another merchant's (never told apart). */
export const endpointNotFound = () => new AppError(AppErrorCode.NOT_FOUND, "Webhook endpoint not found", { resource: "webhook_endpoint" });

/** An unknown delivery id, another merchant's, or a message that is not a webhook. */
export const deliveryNotFound = () => new AppError(AppErrorCode.NOT_FOUND, "Webhook delivery not found", { resource: "webhook_delivery" });
