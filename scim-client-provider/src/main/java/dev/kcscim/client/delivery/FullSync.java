package dev.kcscim.client.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.client.outbox.ResourceKind;
import dev.kcscim.client.targets.AttributeMapping;
import dev.kcscim.client.targets.TargetConfig;
import dev.kcscim.core.patch.PatchOperation;
import dev.kcscim.core.patch.PatchRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.keycloak.models.UserModel;

/**
 * One full sync of one target (RFC 7644 §3.4.2.4 paging): reconciles the target's accounts with the Keycloak users
 * in scope, then the groups. Memory is bounded by the page size: both sides are read page by page (target accounts
 * with {@code startIndex}/{@code count}, Keycloak users by {@link UserPages}), and what was seen is
 * recorded in the database (the link's sync mark), not in memory.
 *
 * <ol>
 *   <li>Target accounts: a linked account whose user is out of scope or deleted is deprovisioned (extra); one whose
 *       attributes differ from what the mapping produces is updated (stale); an unlinked account is an orphan,
 *       handled per {@code orphanPolicy} (report; adopt: link to the in-scope user with the same userName; deactivate).</li>
 *   <li>Keycloak users: an in-scope user without a link, or whose linked account was not seen on the target, is
 *       created (missing). The users of a page are independent resources, so their calls run up to
 *       {@code concurrency} at once (the per-target delivery limit); the next page's calls are queued behind
 *       them, and links are saved and pages read while calls run.</li>
 *   <li>Groups and memberships: {@link GroupReconciler}.</li>
 * </ol>
 */
final class FullSync {

    static final int PAGE = 100;
    /** Keycloak users per page of phase 2; a system property lowers it for tests of paging. */
    static final String USER_PAGE_PROPERTY = "kcscim.sync.userPage";

    /** Called after each page with the phase: persists progress and renews the lease; false stops the run. */
    interface Progress {
        boolean page(String phase, DriftReport report);
    }

    private final SyncTarget ctx;
    private final ScimSync sync;
    private final boolean patch;
    private final int concurrency;
    private final int userPage = Integer.getInteger(USER_PAGE_PROPERTY, PAGE);
    private final DriftReport report = new DriftReport();
    private ExecutorService workers;
    /** Phase 1 found no unlinked account (and no error): phase 2 creates without looking each name up first. */
    private boolean targetAllLinked;

    /** @param concurrency users of one page repaired at once (at least 1) */
    FullSync(SyncTarget ctx, TokenCache tokens, PatchSupport patchSupport, int concurrency) {
        this.ctx = ctx;
        this.concurrency = Math.max(1, concurrency);
        ScimHttp http = new ScimHttp(ctx.http, ctx.target, tokens);
        this.sync = new ScimSync(http, patchSupport);
        this.patch = patchSupport.supportsPatch(http);
    }

    DriftReport report() {
        return report;
    }

    /** Runs every phase; a failure to read a page ends the run with that failure. */
    void run(Progress progress) throws DeliveryFailure {
        if (!progress.page("targetAccounts", report) || !targetAccounts(progress)) {
            return;
        }
        targetAllLinked = report.count(DriftReport.Kind.ORPHANS) == 0 && report.count(DriftReport.Kind.ERRORS) == 0;
        if (concurrency > 1) {
            workers = Executors.newFixedThreadPool(concurrency, r -> {
                Thread thread = new Thread(r, "kcscim-sync-worker");
                thread.setDaemon(true);
                return thread;
            });
        }
        try {
            if (!progress.page("users", report) || !keycloakUsers(progress)) {
                return;
            }
        } finally {
            if (workers != null) {
                workers.shutdownNow();
            }
        }
        if (progress.page("groups", report)) {
            new GroupReconciler(ctx, sync, patch, report).run(progress);
        }
    }

    private boolean targetAccounts(Progress progress) throws DeliveryFailure {
        int start = 1;
        while (true) {
            String path = "/Users?startIndex=" + start + "&count=" + PAGE;
            ScimResponse response = sync.http().send("GET", path, null);
            if (!response.ok() || response.body() == null) {
                throw DeliveryFailure.ofResponse("GET " + path, response);
            }
            JsonNode resources = response.body().path("Resources");
            if (!resources.isArray() || resources.isEmpty()) {
                return true;
            }
            List<Account> accounts = ctx.read(r -> {
                List<Account> page = new ArrayList<>();
                for (JsonNode remote : resources) {
                    page.add(account(r, remote));
                }
                return page;
            });
            int removed = 0;
            for (Account account : accounts) {
                removed += reconcile(account) ? 1 : 0;
            }
            ctx.save(sync.drainChanges());
            report.progress("targetAccounts", accounts.size());
            if (!progress.page("targetAccounts", report)) {
                return false;
            }
            int total = response.body().path("totalResults").asInt(0);
            // Accounts deleted from this page shift the next ones back by as many places
            start = start + resources.size() - removed;
            if (start > total - removed) {
                return true;
            }
        }
    }

    /** One account of the target with the Keycloak state it corresponds to. */
    private record Account(JsonNode remote, String remoteId, Snapshot.State linked, Snapshot.State match) {
    }

    private Account account(SyncTarget.Reader r, JsonNode remote) {
        String remoteId = remote.path("id").asText(null);
        String localId = remoteId == null ? null : LinkStore.localIdOf(r.em, ctx.target.id(), ResourceKind.USER, remoteId);
        if (localId != null) {
            LinkStore.mark(r.em, ctx.target.id(), ResourceKind.USER, localId, ctx.runId);
            return new Account(remote, remoteId, r.user(r.session.users().getUserById(r.realm, localId), localId), null);
        }
        UserModel candidate = byUserName(r, r.userName(remote));
        Snapshot.State match = candidate == null ? null : r.user(candidate, candidate.getId());
        boolean matches = match != null && match.inScope() && match.link() == null && match.desired() != null
                && match.desired().path("userName").asText("").equalsIgnoreCase(r.userName(remote));
        return new Account(remote, remoteId, null, matches ? match : null);
    }

    /** The Keycloak user whose mapped userName source equals {@code userName}, or null. */
    private UserModel byUserName(SyncTarget.Reader r, String userName) {
        if (userName == null || userName.isBlank()) {
            return null;
        }
        AttributeMapping.Source source = ctx.target.mapping().userName();
        if (source.attribute() != null) {
            return r.session.users().searchForUserByUserAttributeStream(r.realm, source.attribute(), userName)
                    .findFirst().orElse(null);
        }
        return "email".equals(source.property()) ? r.session.users().getUserByEmail(r.realm, userName)
                : r.session.users().getUserByUsername(r.realm, userName);
    }

    /** Repairs one account; true when it was deleted from the target. */
    private boolean reconcile(Account account) {
        String userName = account.remote().path("userName").asText(null);
        try {
            if (account.linked() != null) {
                return linked(account, userName);
            }
            orphan(account, userName);
        } catch (DeliveryFailure e) {
            report.add(DriftReport.Kind.ERRORS, DriftReport.sample(null, account.remoteId(), userName)
                    .put("error", e.getMessage()));
        }
        return false;
    }

    private boolean linked(Account account, String userName) throws DeliveryFailure {
        Snapshot.State state = account.linked();
        ObjectNode remote = (ObjectNode) account.remote();
        Snapshot.Link link = new Snapshot.Link(account.remoteId(), state.link().lastPushed());
        if (state.desired() == null || !state.inScope()) {
            ObjectNode managed = state.link().lastPushed() == null ? JsonNodeFactory.instance.objectNode()
                    : ScimSync.project(remote, state.link().lastPushed());
            managed.set("active", remote.path("active").isBoolean() ? remote.get("active")
                    : JsonNodeFactory.instance.booleanNode(true));
            Snapshot.State current = new Snapshot.State(ResourceKind.USER, state.localId(), state.desired(),
                    new Snapshot.Link(account.remoteId(), managed), false);
            SyncPlan plan = SyncPlan.deprovision(current, ctx.target, patch);
            if (plan.operation() == SyncPlan.Operation.NONE) {
                return false;
            }
            sync.deprovision(current);
            report.add(DriftReport.Kind.EXTRA, DriftReport.sample(state.localId(), account.remoteId(), userName)
                    .put("action", plan.method().equals("DELETE") ? "deleted" : "deactivated"));
            return plan.method().equals("DELETE");
        }
        Snapshot.State current = new Snapshot.State(ResourceKind.USER, state.localId(), state.desired(), link, true);
        SyncPlan plan = SyncPlan.update(current, ctx.target, patch, ScimSync.project(remote, state.desired()));
        if (plan.operation() != SyncPlan.Operation.NONE) {
            sync.send(current, plan);
            ObjectNode sample = DriftReport.sample(state.localId(), account.remoteId(), userName);
            if (plan.method().equals("PATCH")) {
                sample.set("paths", DriftReport.paths(plan.body()));
            }
            report.add(DriftReport.Kind.STALE, sample);
        }
        return false;
    }

    private void orphan(Account account, String userName) throws DeliveryFailure {
        ObjectNode sample = DriftReport.sample(null, account.remoteId(), userName);
        TargetConfig.OrphanPolicy policy = ctx.target.orphanPolicy();
        if (account.match() != null) {
            sample.put("matchedUserId", account.match().localId());
            if (policy == TargetConfig.OrphanPolicy.ADOPT) {
                sync.adopt(account.match(), account.remote());
                report.add(DriftReport.Kind.ORPHANS, sample.put("action", "adopted"));
                return;
            }
        } else if (policy == TargetConfig.OrphanPolicy.DEACTIVATE && account.remote().path("active").asBoolean(true)) {
            String path = "/Users/" + account.remoteId();
            ScimResponse response = patch
                    ? sync.http().send("PATCH", path, PatchRequest.of(PatchOperation.replace("active", false)).toJson())
                    : sync.http().send("PUT", path, ((ObjectNode) account.remote().deepCopy()).put("active", false));
            if (!response.ok()) {
                throw DeliveryFailure.ofResponse("deactivate orphan " + path, response);
            }
            report.add(DriftReport.Kind.ORPHANS, sample.put("action", "deactivated"));
            return;
        }
        report.add(DriftReport.Kind.ORPHANS, sample.put("action", "reported"));
    }

    /**
     * Phase 2, pipelined: the calls of the next page are queued behind those of the current page, so the workers
     * never wait at a page boundary, and this thread saves a page's links and progress and reads the following page
     * while calls run. At most two pages are in memory (the one whose calls are finishing and the queued one).
     */
    private boolean keycloakUsers(Progress progress) {
        UserPages pages = new UserPages(ctx.target.id(), userPage);
        List<UserPages.Row> page = ctx.read(pages::next);
        List<Future<?>> running = start(page);
        while (true) {
            List<UserPages.Row> next = List.of();
            List<Future<?>> queued = List.of();
            try {
                next = pages.done() ? List.of() : ctx.read(pages::next);
                queued = start(next);
                awaitAll(running);
            } catch (RuntimeException e) {
                // The links of the users created so far are saved before the run ends
                awaitQuietly(running);
                awaitQuietly(queued);
                ctx.save(sync.drainChanges());
                throw e;
            }
            ctx.save(sync.drainChanges());
            report.progress("users", page.size());
            if (!progress.page("users", report)) {
                awaitQuietly(queued);
                ctx.save(sync.drainChanges());
                return false;
            }
            if (next.isEmpty()) {
                return true;
            }
            page = next;
            running = queued;
        }
    }

    /**
     * {@link #missing} for every user of a page on the workers, up to {@link #concurrency} at once (on this thread,
     * before returning, when there are no workers); the futures are awaited by {@link #awaitAll}.
     */
    private List<Future<?>> start(List<UserPages.Row> page) {
        if (workers == null || page.size() < 2) {
            page.forEach(this::missing);
            return List.of();
        }
        List<Future<?>> running = new ArrayList<>(page.size());
        for (UserPages.Row row : page) {
            running.add(workers.submit(() -> missing(row)));
        }
        return running;
    }

    /** Waits for every call of a page; the first failure is thrown once all have ended. */
    private static void awaitAll(List<Future<?>> running) {
        RuntimeException failure = null;
        for (Future<?> task : running) {
            try {
                task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure != null ? failure : new IllegalStateException("full sync interrupted", e);
            } catch (ExecutionException e) {
                failure = failure != null ? failure : e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(e.getCause());
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** As {@link #awaitAll}, for a run that already fails: a further failure is dropped. */
    private static void awaitQuietly(List<Future<?>> running) {
        try {
            awaitAll(running);
        } catch (RuntimeException ignored) {
            // the run's first failure is the one reported
        }
    }

    /** Creates an in-scope user the target lacks: never linked, or linked to an account no longer there. */
    private void missing(UserPages.Row row) {
        Snapshot.State state = row.state();
        if (state.link() != null && ctx.runId.equals(row.mark())) {
            return;
        }
        String userName = state.desired() == null ? null : state.desired().path("userName").asText(null);
        try {
            if (state.link() != null) {
                // Linked, but the account was not among the target's accounts: it was deleted there
                sync.forget(state);
                if (!state.inScope()) {
                    return;
                }
                state = new Snapshot.State(ResourceKind.USER, state.localId(), state.desired(), null, true);
            } else if (!state.inScope() || state.desired() == null) {
                return;
            } else if (targetAllLinked) {
                // Phase 1 saw every account of the target linked (to users other than this unlinked one): a
                // lookup would find nothing. A 409 means an account took the name since; it is not adopted
                // (unless the policy is adopt), as a lookup that found it would not have created the user.
                Snapshot.State created = ctx.target.orphanPolicy() == TargetConfig.OrphanPolicy.ADOPT
                        ? sync.post(state) : sync.postUnlessTaken(state);
                record(state, created, userName);
                return;
            } else if (ctx.target.orphanPolicy() != TargetConfig.OrphanPolicy.ADOPT) {
                if (sync.findBy(ResourceKind.USER, "userName", userName) != null) {
                    // The name is taken by an unlinked account: reported as an orphan, not adopted under this policy
                    return;
                }
                // Just looked up and not found: POST at once (create() would look it up a second time)
                record(state, sync.post(state), userName);
                return;
            }
            record(state, sync.create(state), userName);
        } catch (DeliveryFailure e) {
            report.add(DriftReport.Kind.ERRORS, DriftReport.sample(state.localId(), null, userName)
                    .put("error", e.getMessage()));
        }
    }

    private void record(Snapshot.State state, Snapshot.State created, String userName) {
        if (created != null) {
            report.add(DriftReport.Kind.MISSING, DriftReport.sample(state.localId(),
                    created.link() == null ? null : created.link().remoteId(), userName));
        }
    }
}
