package io.collectflow.complaint.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.collectflow.complaint.ComplaintProperties;

/** The public complaint page at /complaint/ and the rate limiter of the public endpoint. */
@Configuration
public class ComplaintWebConfig implements WebMvcConfigurer {

    @Bean
    TokenBucketRateLimiter complaintRateLimiter(ComplaintProperties properties) {
        ComplaintProperties.RateLimit limit = properties.getRateLimit();
        return new TokenBucketRateLimiter(limit.getCapacity(), limit.getRefillEvery(), limit.getMaxClients(),
            System::nanoTime);
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/complaint", "/complaint/");
        registry.addViewController("/complaint/").setViewName("forward:/complaint/index.html");
    }
}
