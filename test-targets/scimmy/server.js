// An independent SCIM 2.0 service provider for our integration tests: the npm package SCIMMY does the protocol
// (schemas, filters, PATCH, errors, RFC 7643/7644), this file only stores resources in memory and serves HTTP.
// Usage: node server.js [port]   env SCIM_TOKEN=<bearer token> (optional). Prints "LISTENING <port>" when ready.
// Test hooks (not SCIM): GET /_state returns every stored resource.
import http from "node:http";
import crypto from "node:crypto";
import SCIMMY from "scimmy";

const BASE = "/scim/v2";
const token = process.env.SCIM_TOKEN || null;
const stores = {User: new Map(), Group: new Map()};

SCIMMY.Config.set({patch: true, filter: {supported: true, maxResults: 200}, bulk: false, sort: false, etag: false,
    changePassword: false});

function declare(Resource, type, unique) {
    const store = stores[type];
    SCIMMY.Resources.declare(Resource)
        .ingress((resource, data) => {
            const now = new Date().toISOString();
            if (resource.id) {
                const existing = store.get(resource.id);
                if (!existing) throw new SCIMMY.Types.Error(404, null, `Resource ${resource.id} not found`);
                const updated = {...data, id: resource.id, meta: {created: existing.meta.created, lastModified: now}};
                store.set(resource.id, updated);
                return updated;
            }
            if (unique && [...store.values()].some(r => String(r[unique]).toLowerCase() === String(data[unique]).toLowerCase())) {
                throw new SCIMMY.Types.Error(409, "uniqueness", `${unique} ${data[unique]} already exists`);
            }
            const id = crypto.randomUUID();
            const created = {...data, id, meta: {created: now, lastModified: now}};
            store.set(id, created);
            return created;
        })
        .egress((resource) => {
            if (resource.id) {
                const found = store.get(resource.id);
                if (!found) throw new SCIMMY.Types.Error(404, null, `Resource ${resource.id} not found`);
                return found;
            }
            const all = [...store.values()];
            return resource.filter ? resource.filter.match(all) : all;
        })
        .degress((resource) => {
            if (!store.delete(resource.id)) throw new SCIMMY.Types.Error(404, null, `Resource ${resource.id} not found`);
        });
}

declare(SCIMMY.Resources.User, "User", "userName");
declare(SCIMMY.Resources.Group, "Group", null);

function send(res, status, body) {
    if (body === undefined) {
        res.writeHead(status);
        res.end();
        return;
    }
    res.writeHead(status, {"Content-Type": "application/scim+json"});
    res.end(JSON.stringify(body));
}

async function handle(req, res, text) {
    const url = new URL(req.url, "http://localhost");
    if (url.pathname === "/_state") return send(res, 200, {Users: [...stores.User.values()], Groups: [...stores.Group.values()]});
    if (!url.pathname.startsWith(BASE)) return send(res, 404, new SCIMMY.Messages.ErrorResponse({status: 404, detail: "Not found"}));
    if (token && req.headers.authorization !== `Bearer ${token}`) {
        return send(res, 401, new SCIMMY.Messages.ErrorResponse({status: 401, detail: "Bad or missing bearer token"}));
    }
    const [, endpoint, id] = url.pathname.substring(BASE.length).split("/");
    const body = text ? JSON.parse(text) : undefined;
    if (endpoint === "ServiceProviderConfig" && req.method === "GET") {
        return send(res, 200, await new SCIMMY.Resources.ServiceProviderConfig().read());
    }
    const Resource = endpoint === "Users" ? SCIMMY.Resources.User : endpoint === "Groups" ? SCIMMY.Resources.Group : null;
    if (!Resource) return send(res, 404, new SCIMMY.Messages.ErrorResponse({status: 404, detail: `No endpoint ${endpoint}`}));
    const query = Object.fromEntries(url.searchParams.entries());
    switch (req.method) {
        case "GET": return send(res, 200, await new Resource(id, query).read());
        case "POST": return send(res, 201, await new Resource(query).write(body));
        case "PUT": return send(res, 200, await new Resource(id, query).write(body));
        case "PATCH": {
            const patched = await new Resource(id, query).patch(body);
            return patched ? send(res, 200, patched) : send(res, 204);
        }
        case "DELETE": await new Resource(id).dispose(); return send(res, 204);
        default: return send(res, 405, new SCIMMY.Messages.ErrorResponse({status: 405, detail: "Method not allowed"}));
    }
}

const server = http.createServer((req, res) => {
    let text = "";
    req.setEncoding("utf8");
    req.on("data", chunk => text += chunk);
    req.on("end", () => handle(req, res, text).catch(ex => {
        const error = ex instanceof SCIMMY.Types.Error ? ex : new SCIMMY.Types.Error(400, "invalidSyntax", ex.message);
        send(res, Number(error.status) || 500, new SCIMMY.Messages.ErrorResponse(error));
    }));
});
server.listen(Number(process.argv[2] || 0), "127.0.0.1", () => console.log(`LISTENING ${server.address().port}`));
