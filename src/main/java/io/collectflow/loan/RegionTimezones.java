package io.collectflow.loan;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Default time zone of a borrower from the ISO 3166-2 region code ({@code CN-SH}, {@code US-CA}).
 * Countries with one civil time map by country code; for countries spanning several zones the
 * subdivision decides (states/provinces listed below); anything else has no default and needs an
 * explicit {@code timezone} column.
 */
public final class RegionTimezones {

    /** ISO 3166-2: two-letter country, hyphen, 1–3 alphanumerics. */
    public static final Pattern REGION = Pattern.compile("[A-Z]{2}-[A-Z0-9]{1,3}");

    private static final Map<String, String> BY_COUNTRY = new HashMap<>();
    private static final Map<String, String> BY_SUBDIVISION = new HashMap<>();

    static {
        country("Asia/Shanghai", "CN");
        country("Asia/Hong_Kong", "HK");
        country("Asia/Macau", "MO");
        country("Asia/Taipei", "TW");
        country("Asia/Singapore", "SG");
        country("Asia/Kuala_Lumpur", "MY");
        country("Asia/Manila", "PH");
        country("Asia/Bangkok", "TH");
        country("Asia/Ho_Chi_Minh", "VN");
        country("Asia/Tokyo", "JP");
        country("Asia/Seoul", "KR");
        country("Asia/Kolkata", "IN");
        country("Asia/Karachi", "PK");
        country("Asia/Dhaka", "BD");
        country("Asia/Dubai", "AE");
        country("Asia/Riyadh", "SA");
        country("Europe/Istanbul", "TR");
        country("Europe/London", "GB");
        country("Europe/Dublin", "IE");
        country("Europe/Lisbon", "PT");
        country("Europe/Berlin", "DE", "AT", "CH", "NL", "BE", "LU", "FR", "IT", "ES", "PL", "CZ", "SK", "HU",
            "DK", "SE", "NO", "SI", "HR");
        country("Europe/Helsinki", "FI", "EE", "LV", "LT", "RO", "BG", "GR", "UA");
        country("Africa/Johannesburg", "ZA");
        country("Africa/Lagos", "NG");
        country("Africa/Nairobi", "KE");
        country("Africa/Cairo", "EG");
        country("America/Argentina/Buenos_Aires", "AR");
        country("America/Santiago", "CL");
        country("America/Bogota", "CO");
        country("America/Lima", "PE");
        country("Pacific/Auckland", "NZ");

        subdivisions("US", "America/New_York", "CT", "DE", "DC", "FL", "GA", "ME", "MD", "MA", "MI", "NH", "NJ", "NY",
            "NC", "OH", "PA", "RI", "SC", "VT", "VA", "WV");
        subdivisions("US", "America/Indiana/Indianapolis", "IN");
        subdivisions("US", "America/Chicago", "AL", "AR", "IL", "IA", "KS", "KY", "LA", "MN", "MS", "MO", "NE", "ND",
            "OK", "SD", "TN", "TX", "WI");
        subdivisions("US", "America/Denver", "CO", "ID", "MT", "NM", "UT", "WY");
        subdivisions("US", "America/Phoenix", "AZ");
        subdivisions("US", "America/Los_Angeles", "CA", "NV", "OR", "WA");
        subdivisions("US", "America/Anchorage", "AK");
        subdivisions("US", "Pacific/Honolulu", "HI");
        subdivisions("CA", "America/Toronto", "ON", "QC");
        subdivisions("CA", "America/Vancouver", "BC");
        subdivisions("CA", "America/Edmonton", "AB");
        subdivisions("CA", "America/Winnipeg", "MB");
        subdivisions("CA", "America/Regina", "SK");
        subdivisions("CA", "America/Halifax", "NS", "NB", "PE");
        subdivisions("CA", "America/St_Johns", "NL");
        subdivisions("AU", "Australia/Sydney", "NSW", "ACT");
        subdivisions("AU", "Australia/Melbourne", "VIC");
        subdivisions("AU", "Australia/Brisbane", "QLD");
        subdivisions("AU", "Australia/Adelaide", "SA");
        subdivisions("AU", "Australia/Perth", "WA");
        subdivisions("AU", "Australia/Hobart", "TAS");
        subdivisions("AU", "Australia/Darwin", "NT");
        subdivisions("MX", "America/Mexico_City", "CMX", "MEX", "JAL", "NLE", "PUE", "GUA", "VER", "YUC");
        subdivisions("MX", "America/Tijuana", "BCN");
        subdivisions("BR", "America/Sao_Paulo", "SP", "RJ", "MG", "PR", "SC", "RS", "BA", "DF", "GO", "ES", "PE", "CE");
        subdivisions("BR", "America/Manaus", "AM");
        subdivisions("ID", "Asia/Jakarta", "JK", "JB", "JT", "JI", "BT", "YO", "SU", "RI", "SS", "LA");
        subdivisions("ID", "Asia/Makassar", "BA", "SN", "KS", "KT", "NB", "NT");
        subdivisions("ID", "Asia/Jayapura", "PA", "PB");
        subdivisions("RU", "Europe/Moscow", "MOW", "SPE", "MOS", "LEN");
    }

    private RegionTimezones() {
    }

    /** The default zone for a region code, or empty when the region is unknown or ambiguous. */
    public static Optional<ZoneId> zoneFor(String region) {
        if (region == null || !REGION.matcher(region).matches()) {
            return Optional.empty();
        }
        String zone = BY_SUBDIVISION.get(region);
        if (zone == null) {
            zone = BY_COUNTRY.get(region.substring(0, 2));
        }
        return Optional.ofNullable(zone).map(ZoneId::of);
    }

    private static void country(String zone, String... countries) {
        for (String country : countries) {
            BY_COUNTRY.put(country, zone);
        }
    }

    private static void subdivisions(String country, String zone, String... codes) {
        for (String code : codes) {
            BY_SUBDIVISION.put(country + "-" + code, zone);
        }
    }
}
