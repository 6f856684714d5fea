import { route } from "@/lib/contracts/kit/route";
import { handleCreate, handleList } from "@/lib/contracts/zeamster/handlers";
import { createPaylink, listPaylinks } from "@/lib/contracts/zeamster/operations";

/** GET /v2/paylinks?<field>=<value>&page=&page_size=&sort=&expand= */
export const GET = route(listPaylinks, handleList);

/** POST /v2/paylinks {"paylink": {...}} -> 201 */
export const POST = route(createPaylink, handleCreate);
