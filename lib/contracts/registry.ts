/**
 * Every contract the product serves, with its operations declared (importing the operation
 * modules registers them). The OpenAPI document, the 404/405 answers and the proxy read this.
 */
import type { Contract } from "./kit/define";
import type { ReplyBase } from "./kit/types";
import { cm } from "./cm/contract";
import { cycleSoftware } from "./cyclesoftware/contract";
import { instanvi } from "./instanvi/contract";
import { dashboardApi, metaApi, payPageApi, providerCallbacks } from "./internal/contracts";
import { sylius } from "./sylius/contract";
import { zeamster } from "./zeamster/contract";
import "./instanvi/operations";
import "./cyclesoftware/operations";
import "./dashboard/operations";
import "./pay/operations";
import "./providers/operations";
import "./internal/operations";
import "./sylius/operations";
import "./cm/operations";
import "./zeamster/operations";

export const CONTRACTS = [instanvi, cycleSoftware, sylius, cm, zeamster, payPageApi, providerCallbacks, dashboardApi, metaApi] as Contract<ReplyBase>[];
