package io.huoshui.credit.bank;

import java.time.Instant;

/**
 * A bank of the network.
 *
 * @param code the bank's code, which is also the tenant id of its API clients
 */
public record Bank(String code, String name, BankLevel level, Instant createdAt) {}
