import { errorEnvelope } from "@/lib/contracts/instanvi/envelope";

/**
 * Any /api path that no route serves: a JSON 404 in the envelope of the contract at /api
 * (Instanvi), instead of the HTML not-found page, so that API clients can read it.
 */
function notFound(request: Request): Response {
  const { pathname } = new URL(request.url);
  return Response.json(errorEnvelope(404, `Route not found: ${request.method} ${pathname}`), { status: 404 });
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
