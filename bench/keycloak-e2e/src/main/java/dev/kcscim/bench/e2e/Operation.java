package dev.kcscim.bench.e2e;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * One measured operation (e.g. {@code userName eq} lookup) and its variants, one per system.
 *
 * @param name         what is measured, as shown in the report
 * @param opsPerRound  sequential calls per variant per round
 * @param variants     the systems side by side, measured in this order in every round
 */
record Operation(String name, int opsPerRound, List<Variant> variants) {

    /** One exchange of a variant, given its sequence number. */
    @FunctionalInterface
    interface Call {
        BenchHttp.Exchange run(int sequence);
    }

    /**
     * One system's way of doing the operation. Each call gets the next number of this variant's own sequence,
     * so creates get unique names and lookups walk through different users.
     */
    static final class Variant {

        private final String system;
        private final Call call;
        private final Predicate<BenchHttp.Exchange> correct;
        private final AtomicInteger sequence = new AtomicInteger();

        Variant(String system, Call call, Predicate<BenchHttp.Exchange> correct) {
            this.system = system;
            this.call = call;
            this.correct = correct;
        }

        String system() {
            return system;
        }

        /** Runs the next call and records it in {@code into}; returns its latency in milliseconds. */
        double runInto(Measurement into) {
            BenchHttp.Exchange exchange = call.run(sequence.getAndIncrement());
            into.record(exchange, exchange.ok() && correct.test(exchange));
            return exchange.nanos() / 1e6;
        }
    }

    static Variant variant(String system, Call call) {
        return new Variant(system, call, exchange -> true);
    }

    static Variant variant(String system, Call call, Predicate<BenchHttp.Exchange> correct) {
        return new Variant(system, call, correct);
    }
}
