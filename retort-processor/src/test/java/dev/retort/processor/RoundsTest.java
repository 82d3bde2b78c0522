package dev.retort.processor;

import static dev.retort.processor.Compilation.source;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Entities that use a type another processor generates. */
class RoundsTest {

    @Test
    void waitsForATypeGeneratedInALaterRoundAndWritesTheMetamodelOnce() {
        Compilation compilation = Compilation.run(List.of("-proc:only"), List.of(
                source("com.example.User", """
                        package com.example;
                        @dev.retort.orm.Entity
                        public class User {
                            Long id;
                            Later later;
                            java.util.List<Later> laters;
                        }
                        """),
                source("com.example.Plain", """
                        package com.example;
                        @dev.retort.orm.Entity
                        public class Plain {
                            Long id;
                        }
                        """)),
                MetamodelProcessor.class.getName() + "," + LaterTypeProcessor.class.getName());

        assertThat(compilation.errors()).as(compilation.report()).isEmpty();
        assertThat(compilation.generated).containsOnlyKeys("com.example.Later", "com.example.User_", "com.example.Plain_");
        assertThat(compilation.generated("com.example.User_")).contains(
                "dev.retort.schema.Column<com.example.Later> LATER = MAPPING.column(\"later\");",
                "entity.laters = (java.util.List<com.example.Later>) value;");
    }
}
