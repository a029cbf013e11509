package io.huoshui.project.domain;

import io.huoshui.vocabulary.Industry;
import io.huoshui.vocabulary.Tag;
import java.time.Instant;

/**
 * What a list of demands is narrowed to; every member is optional.
 *
 * @param submittedFrom inclusive
 * @param submittedBefore exclusive
 * @param county a county's division code, for operators who look at one county of their region
 */
public record ProjectFilter(
    ProjectStatus status,
    Industry industry,
    Tag tag,
    Instant submittedFrom,
    Instant submittedBefore,
    String county) {}
