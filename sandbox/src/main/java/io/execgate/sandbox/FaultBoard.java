package io.execgate.sandbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Faults set through the admin API, for callers that cannot add a header to the vendor call (a
 * gateway in between). The first rule left applies to the next vendor call and is used up after
 * {@code times} calls ({@code null}: until cleared).
 */
@Singleton
final class FaultBoard {
    private final List<Rule> rules = new ArrayList<>();

    /** One admin-set fault and the calls it has left. */
    @Serdeable
    record Rule(String fault, @Nullable Integer remaining) {
    }

    synchronized void add(FaultPlan plan, @Nullable Integer times) {
        rules.add(new Rule(plan.spec(), times));
    }

    /** The fault for the next vendor call, if any; uses one of its calls. */
    @Nullable
    synchronized FaultPlan next() {
        Iterator<Rule> it = rules.iterator();
        if (!it.hasNext()) {
            return null;
        }
        Rule rule = it.next();
        if (rule.remaining() != null) {
            it.remove();
            if (rule.remaining() > 1) {
                rules.add(0, new Rule(rule.fault(), rule.remaining() - 1));
            }
        }
        return FaultPlan.parse(rule.fault());
    }

    synchronized List<Rule> rules() {
        return List.copyOf(rules);
    }

    synchronized void clear() {
        rules.clear();
    }
}
