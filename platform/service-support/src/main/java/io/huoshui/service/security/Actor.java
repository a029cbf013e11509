package io.huoshui.service.security;

/**
 * Who acted: the API client whose token made the request (the token's subject, one client of a
 * county, bank or operator) and the request's {@code X-Request-Id}. A service records it with every
 * step it takes on a request and carries it in the event, so that a demand's timeline and an
 * operator's audit trail name the acting client, and the request can be followed through the logs.
 */
public record Actor(String clientId, String requestId) {}
