/** The domain's enumerations. The database schema declares the same values. */
export const LINK_STATUSES = ["ACTIVE", "PAID", "EXPIRED", "CANCELLED"] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

export const PROVIDERS = ["MTN_CAM", "ORANGE_CAM"] as const;
export type Provider = (typeof PROVIDERS)[number];

export const LINK_TYPES = ["COLLECTION", "DEPOSIT"] as const;
export type LinkType = (typeof LINK_TYPES)[number];

export const MODES = ["SANDBOX", "LIVE"] as const;
export type Mode = (typeof MODES)[number];

export const PAYMENT_STATUSES = ["PENDING", "SUCCESSFUL", "FAILED"] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** Zeamster's delivery methods: 0 none, 1 email, 2 SMS, 3 both. */
export const DELIVERY_METHODS = [0, 1, 2, 3] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export const MAX_USES_LIMIT = 100;
