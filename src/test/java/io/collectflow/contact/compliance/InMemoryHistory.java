package io.collectflow.contact.compliance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.collectflow.contact.Channel;

/** Contact history for plain unit tests of the guard. */
class InMemoryHistory implements ContactHistory {

    record Attempt(String borrowerId, Channel channel, Instant at) {
    }

    final List<Attempt> attempts = new ArrayList<>();

    void add(String borrowerId, Channel channel, Instant at) {
        attempts.add(new Attempt(borrowerId, channel, at));
    }

    @Override
    public List<Instant> attempts(String borrowerId, Set<Channel> channels, Instant from, Instant to) {
        return attempts.stream()
            .filter(a -> a.borrowerId().equals(borrowerId) && channels.contains(a.channel()))
            .filter(a -> !a.at().isBefore(from) && !a.at().isAfter(to))
            .map(Attempt::at).toList();
    }
}
