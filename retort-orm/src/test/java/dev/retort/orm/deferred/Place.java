package dev.retort.orm.deferred;

/**
 * Where a venue is: an embedded value over two columns.
 *
 * @param city the city
 * @param country the country
 */
public record Place(String city, String country) {
}
