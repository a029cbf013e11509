package io.huoshui.credit.inbox;

import java.math.BigDecimal;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A version of a county's demand: what the answer rules need, and the whole of it as the project
 * service sent it, which a bank reads once it declared interest.
 */
record DemandVersion(
    UUID projectId, String county, BigDecimal amountRequested, Integer version, JsonNode full) {}
