import { route } from "@/lib/contracts/kit/route";
import { getChannel } from "@/lib/contracts/sylius/operations";
import { shapeChannel } from "@/lib/contracts/sylius/shape-payment";
import { toChannel } from "@/lib/contracts/sylius/to-domain";

/** GET /api/v1/channels/{code}: the one channel, this product. */
export const GET = route(getChannel, async ({ params, baseUrl }) => {
  toChannel(params.code);
  return { body: shapeChannel(baseUrl) };
});
