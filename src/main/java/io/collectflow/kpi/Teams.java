package io.collectflow.kpi;

import java.util.Collection;
import java.util.Map;

/** The team each collector belongs to (KPI slice "team"); collectors without a team are left out. */
@FunctionalInterface
public interface Teams {

    Map<String, String> teamOf(Collection<String> collectors);
}
