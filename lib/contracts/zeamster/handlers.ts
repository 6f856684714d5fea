/** The Zeamster handlers: parse (done by the kit), call the domain, shape. The route files bind them. */
import type { HandlerContext } from "@/lib/contracts/kit/define";
import type { JsonReply, OperationSpec } from "@/lib/contracts/kit/types";
import type { MerchantScope } from "@/lib/domain/links/types";
import { createLinkRecord } from "@/lib/services/links/create-link-record";
import { deleteLink } from "@/lib/services/links/delete-link";
import { getLinkRecordOrThrow } from "@/lib/services/links/get-link-record";
import type { LinkRecord } from "@/lib/services/links/link-records";
import { loadLinkRelations } from "@/lib/services/links/link-relations";
import { listLinkRecords } from "@/lib/services/links/list-link-records";
import { resendLink } from "@/lib/services/links/resend-link";
import { updateLinkRecord } from "@/lib/services/links/update-link-record";
import { getSettings } from "@/lib/services/merchants/get-settings";
import type { createPaylink, deletePaylink, getPaylink, listPaylinks, resendPaylink, updatePaylink } from "./operations";
import type { Expand } from "./schemas";
import { shapePaylink, shapePaylinkList, type ShapeContext } from "./shape-paylink";
import { toCreateLink, toListQuery, toUpdateLink } from "./to-domain";

type Context<Op extends { spec: OperationSpec }> = HandlerContext<Op["spec"]>;

const scopeOf = (credential: { merchantId: string; actor: string }): MerchantScope => ({ merchantId: credential.merchantId, actor: credential.actor });

/** What shaping these records with these expands needs (the related records are read once per request). */
async function shapeContext(scope: MerchantScope, records: LinkRecord[], baseUrl: string, expand: Expand[] = []): Promise<ShapeContext> {
  const needsRelations = expand.includes("location") || expand.includes("created_user");
  const relations = needsRelations
    ? await loadLinkRelations(scope, expand.includes("created_user") ? records.map((r) => r.link.createdBy) : [], { creators: expand.includes("created_user") })
    : undefined;
  return { baseUrl, merchantId: scope.merchantId, expand, relations };
}

async function onePaylink(scope: MerchantScope, record: LinkRecord, baseUrl: string, expand: Expand[] | undefined, status = 200): Promise<JsonReply> {
  return { status, body: { paylink: shapePaylink(record, await shapeContext(scope, [record], baseUrl, expand)) } };
}

export async function handleCreate({ body, query, credential, baseUrl }: Context<typeof createPaylink>): Promise<JsonReply> {
  const scope = scopeOf(credential);
  const settings = await getSettings(scope);
  const create = toCreateLink(body.paylink, { currency: settings.defaultCurrency, mode: credential.mode });
  const record = await createLinkRecord(scope, create.input, create.fields, { active: create.active, messageUrl: "id" });
  return onePaylink(scope, record, baseUrl, query.expand, 201);
}

export async function handleUpdate({ params, body, query, credential, baseUrl }: Context<typeof updatePaylink>): Promise<JsonReply> {
  const scope = scopeOf(credential);
  const current = await getLinkRecordOrThrow(scope, params.id);
  const record = await updateLinkRecord(scope, current.link.id, toUpdateLink(body.paylink, current));
  return onePaylink(scope, record, baseUrl, query.expand);
}

export async function handleGet({ params, query, credential, baseUrl }: Context<typeof getPaylink>): Promise<JsonReply> {
  const scope = scopeOf(credential);
  return onePaylink(scope, await getLinkRecordOrThrow(scope, params.id), baseUrl, query.expand);
}

export async function handleList({ query, request, credential, baseUrl }: Context<typeof listPaylinks>): Promise<JsonReply> {
  const scope = scopeOf(credential);
  const list = toListQuery(query);
  const page = await listLinkRecords(scope, list);
  const context = await shapeContext(scope, page.items, baseUrl, query.expand);
  return { body: shapePaylinkList(page, { ...context, query: new URL(request.url).searchParams, sort: list.wireSort }) };
}

export async function handleDelete({ params, credential }: Context<typeof deletePaylink>): Promise<JsonReply> {
  await deleteLink(scopeOf(credential), params.id);
  return { status: 204 };
}

export async function handleResend({ params, credential }: Context<typeof resendPaylink>): Promise<JsonReply> {
  await resendLink(scopeOf(credential), params.id, { messageUrl: "id" });
  return { status: 204 };
}
