import { route } from "@/lib/contracts/kit/route";
import { handleDelete, handleGet, handleUpdate } from "@/lib/contracts/zeamster/handlers";
import { deletePaylink, getPaylink, updatePaylink } from "@/lib/contracts/zeamster/operations";

/** GET /v2/paylinks/{id or paylink_api_id}?expand= */
export const GET = route(getPaylink, handleGet);

/** PUT /v2/paylinks/{id} {"paylink": {...}}: refused once paid or closed */
export const PUT = route(updatePaylink, handleUpdate);

/** DELETE /v2/paylinks/{id} -> 204, no body */
export const DELETE = route(deletePaylink, handleDelete);
