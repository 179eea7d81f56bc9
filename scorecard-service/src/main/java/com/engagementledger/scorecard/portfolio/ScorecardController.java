package com.engagementledger.scorecard.portfolio;

import com.engagementledger.scorecard.measures.Rag;
import com.engagementledger.scorecard.measures.Scorecard.Factor;
import com.engagementledger.scorecard.measures.Scorecard;
import com.engagementledger.support.problem.ApiProblem;
import com.engagementledger.support.problem.ProblemCatalog.FieldRule;
import com.engagementledger.support.security.Caller;
import com.engagementledger.support.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The scorecards: the portfolio of visible engagements, one engagement's scorecard and its weekly series. */
@RestController
class ScorecardController {
    static final int MAX_PAGE_SIZE = 100;

    private final ScorecardQueries queries;

    ScorecardController(ScorecardQueries queries) {
        this.queries = queries;
    }

    @Operation(summary = "Portfolio: every engagement the token may see, with its five factor colours",
            description = "sort: name|startDate|status|speed|capability|stability|quality|control, optionally "
                    + "',desc' (colours sort GREEN < AMBER < RED). Filters: q (name, client or partner contains), "
                    + "status, colour (any factor, or the one named by factor).")
    @GetMapping("/scorecards")
    Page<PortfolioEntry> portfolio(Caller caller,
                            @RequestParam(required = false) String q,
                            @RequestParam(required = false) String status,
                            @RequestParam(required = false) String colour,
                            @RequestParam(required = false) String factor,
                            @RequestParam(defaultValue = "name") String sort,
                            @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "20") int size) {
        if (page < 0) {
            throw ApiProblem.invalidParameter("page", "page.min", "page must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiProblem.invalidParameter("size", "size.range", "size must be between 1 and " + MAX_PAGE_SIZE);
        }
        Rag wanted = colour == null ? null : parse(Rag.class, colour, "colour");
        Factor onlyFactor = factor == null ? null : parse(Factor.class, factor, "factor");
        Comparator<Scorecard> order = comparator(sort);
        List<PortfolioEntry> all = queries.visibleScorecards(caller).stream()
                .filter(s -> q == null || contains(s.name(), q) || contains(s.clientName(), q)
                        || contains(s.partnerName(), q))
                .filter(s -> status == null || status.equalsIgnoreCase(s.status()))
                .filter(s -> wanted == null || (onlyFactor == null ? s.factors().containsValue(wanted)
                        : s.factors().get(onlyFactor) == wanted))
                .sorted(order)
                .map(PortfolioEntry::of).toList();
        int from = Math.min(page * size, all.size());
        int to = Math.min(from + size, all.size());
        return Page.of(all.subList(from, to), page, size, all.size());
    }

    @Operation(summary = "One engagement's scorecard: factor colours and every measure, now and over four weeks")
    @GetMapping("/scorecards/{engagementId}")
    Scorecard scorecard(@PathVariable String engagementId) {
        return queries.scorecard(engagementId);
    }

    @Operation(summary = "The weekly series: one row per ISO week; from/to are ISO weeks (2026-W05) or dates")
    @GetMapping(value = "/scorecards/{engagementId}/weekly", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Scorecard.Week> weekly(@PathVariable String engagementId,
                                @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to) {
        LocalDate start = day("from", from);
        LocalDate end = day("to", to);
        if (start != null && end != null && start.isAfter(end)) {
            throw ApiProblem.invalidParameter("from", "weekly.from-after-to", "from must not be after to");
        }
        return queries.weekly(engagementId, start, end);
    }

    @Operation(summary = "The weekly series as CSV (also served for Accept: text/csv on /weekly)")
    @GetMapping(value = {"/scorecards/{engagementId}/weekly.csv", "/scorecards/{engagementId}/weekly"},
            produces = "text/csv")
    ResponseEntity<String> weeklyCsv(@PathVariable String engagementId,
                                     @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to) {
        List<Scorecard.Week> weeks = weekly(engagementId, from, to);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"scorecard-" + engagementId
                        .replaceAll("[^A-Za-z0-9-]", "") + "-weekly.csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(WeeklyCsv.write(weeks));
    }

    /** Accepts an ISO week (2026-W05, meaning its Monday) or a date (2026-01-26). */
    static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.matches("\\d{4}-W\\d{2}")) {
                int year = Integer.parseInt(value.substring(0, 4));
                int week = Integer.parseInt(value.substring(6));
                LocalDate probe = LocalDate.of(year, 1, 4);
                if (week < 1 || week > probe.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
                    throw new DateTimeParseException("no such week", value, 0);
                }
                return probe.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                        .with(java.time.DayOfWeek.MONDAY);
            }
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidParameter(field, "weekly." + field + ".format",
                    field + " must be an ISO week (2026-W05) or a date (2026-01-26), not '" + value + "'");
        }
    }

    private static Comparator<Scorecard> comparator(String sort) {
        String[] parts = sort.split(",");
        String field = parts[0].trim();
        boolean descending = parts.length > 1 && parts[1].trim().equalsIgnoreCase("desc");
        if (parts.length > 1 && !descending && !parts[1].trim().equalsIgnoreCase("asc")) {
            throw ApiProblem.invalidParameter("sort", "sort.direction", "sort direction must be asc or desc");
        }
        Comparator<String> text = Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER);
        Comparator<Scorecard> byName = Comparator.comparing(Scorecard::name, text);
        Comparator<Scorecard> primary = switch (field) {
            case "name" -> byName;
            case "startDate" -> Comparator.comparing(Scorecard::startDate,
                    Comparator.nullsLast(Comparator.naturalOrder()));
            case "status" -> Comparator.comparing(Scorecard::status, text);
            default -> {
                Factor f;
                try {
                    f = Factor.valueOf(field.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw ApiProblem.invalidParameter("sort", "sort.field", "cannot sort by '" + field
                            + "'; use name, startDate, status, speed, capability, stability, quality or control");
                }
                yield Comparator.comparing(s -> s.factors().get(f));
            }
        };
        return (descending ? primary.reversed() : primary).thenComparing(byName)
                .thenComparing(Scorecard::engagementId);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidParameter(field, FieldRule.ENUM, "'" + value + "' is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static boolean contains(String text, String part) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }

    /** One row of the portfolio. */
    record PortfolioEntry(String engagementId, String name, String clientName, String partnerName, String status,
                          LocalDate startDate, Map<Factor, Rag> factors) {
        static PortfolioEntry of(Scorecard s) {
            return new PortfolioEntry(s.engagementId(), s.name(), s.clientName(), s.partnerName(), s.status(),
                    s.startDate(), s.factors());
        }
    }
}
