package io.huoshui.project.matchmaking;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The settings of the matchmaking events, and the schedule that counts their gauge. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MatchmakingProperties.class)
@EnableScheduling
class MatchmakingConfiguration {}
