import type { z } from "zod";
import type { ContractDefinition, OperationSpec, PathParams, ReplyBase } from "./types";
import type { MerchantScope } from "@/lib/domain/links/types";
import type { AuthenticatedCredential } from "@/lib/services/credentials/authenticate-api-key";

/** What a handler receives: everything parsed, nothing left to check. */
export interface HandlerContext<Op extends OperationSpec> {
  request: Request;
  params: Op["params"] extends z.ZodObject ? z.output<Op["params"]> : PathParams<Op["path"]>;
  query: Op["query"] extends z.ZodType ? z.output<Op["query"]> : Record<string, never>;
  body: Op["body"] extends { schema: infer S extends z.ZodType } ? z.output<S> : undefined;
  credential: Op["auth"] extends "public" | "session" ? null : AuthenticatedCredential;
  /** The signed-in dashboard user's merchant, on "session" operations. */
  session: Op["auth"] extends "session" ? MerchantScope : null;
  /** The public base URL of the product, for the URLs a reply hands out. */
  baseUrl: string;
  clientIp: string;
}

export interface Contract<R extends ReplyBase = ReplyBase> extends ContractDefinition<R> {
  operations: OperationSpec[];
  /** Declares one operation of this contract: the route, the OpenAPI entry and the 405 list. */
  operation<const Op extends OperationSpec>(spec: Op): DeclaredOperation<R, Op>;
}

export interface DeclaredOperation<R extends ReplyBase, Op extends OperationSpec> {
  contract: Contract<R>;
  spec: Op;
}

export function defineContract<R extends ReplyBase>(definition: ContractDefinition<R>): Contract<R> {
  const contract: Contract<R> = {
    ...definition,
    operations: [],
    operation(spec) {
      contract.operations.push(spec);
      return { contract, spec };
    },
  };
  return contract;
}
