import Foundation
import TimelineCore

/// One self-contained HTML page showing events on a time axis, grouped by
/// year and month, with type, place and text filters.
///
/// Everything is inline (CSS, script; a Content-Security-Policy forbids any
/// fetch), so the file can be mailed or opened offline. The events are
/// rendered here, every text escaped; the script only hides and shows them.
public struct HTMLTimelinePage: Sendable {
    public var title: String
    public var generated: Date

    public init(title: String = "Timeline", generated: Date) {
        self.title = title
        self.generated = generated
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// The page for `events` (sorted here by start date, then id).
    public func render(_ events: [TimelineEvent]) -> String {
        let sorted = events.sorted { ($0.start, $0.end, $0.id) < ($1.start, $1.end, $1.id) }
        let places = Set(sorted.flatMap(\.places)).sorted {
            $0.localizedCaseInsensitiveCompare($1) == .orderedAscending
        }
        let types = EventType.allCases.filter { t in sorted.contains { $0.type == t } }
        let sources = Set(sorted.map(\.source.document)).count
        var counts: [EventType: Int] = [:]
        for e in sorted { counts[e.type, default: 0] += 1 }

        var h = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
            <title>\(Self.escape(title))</title>
            <style>\(Self.css)</style>
            </head>
            <body>
            <header>
            <h1>\(Self.escape(title))</h1>
            <p class="meta">\(sorted.count) events from \(sources) \(sources == 1 ? "source" : "sources") · exported \(Self.escape(Self.day(generated)))</p>
            <form id="filters" autocomplete="off">
            <fieldset class="types"><legend>Types</legend>

            """
        for t in types {
            h += """
                <label class="chip t-\(t.rawValue)"><input type="checkbox" name="type" value="\(t.rawValue)" checked>\
                <span>\(t.rawValue) <b>\(counts[t] ?? 0)</b></span></label>

                """
        }
        h += """
            </fieldset>
            <label class="field">Place <select id="place"><option value="">all places</option>
            """
        for p in places { h += "<option value=\"\(Self.escape(p))\">\(Self.escape(p))</option>" }
        h += """
            </select></label>
            <label class="field">Text <input id="text" type="search" placeholder="words in the evidence"></label>
            <output id="shown">\(sorted.count) shown</output>
            </form>

            """
        h += axis(sorted)
        h += "</header>\n<main id=\"timeline\">\n"
        if sorted.isEmpty { h += "<p class=\"empty\">No events.</p>\n" }
        // Per year: events dated more loosely than a month (a year, a season, a quarter) first,
        // under a heading of their own, then month by month.
        var byYear: [(year: Int, events: [TimelineEvent])] = []
        for e in sorted {
            if byYear.last?.year == e.start.year {
                byYear[byYear.count - 1].events.append(e)
            } else {
                byYear.append((e.start.year, [e]))
            }
        }
        for (year, events) in byYear {
            h += "<section class=\"year\" id=\"y\(year)\"><h2>\(year)</h2>\n"
            let loose = events.filter { !Self.withinOneMonth($0) }
            if !loose.isEmpty {
                h += "<section class=\"month loose\"><h3>\(year), over several months</h3>\n"
                for e in loose { h += event(e) }
                h += "</section>\n"
            }
            var month: Int?
            for e in events where Self.withinOneMonth(e) {
                if e.start.month != month {
                    if month != nil { h += "</section>\n" }
                    month = e.start.month
                    h += "<section class=\"month\"><h3>\(Self.monthNames[e.start.month - 1]) \(year)</h3>\n"
                }
                h += event(e)
            }
            if month != nil { h += "</section>\n" }
            h += "</section>\n"
        }
        h += "</main>\n<script>\(Self.script)</script>\n</body>\n</html>\n"
        return h
    }

    static func withinOneMonth(_ e: TimelineEvent) -> Bool {
        e.start.year == e.end.year && e.start.month == e.end.month
    }

    /// A bar per year: how many events start in it; each links to its section.
    func axis(_ events: [TimelineEvent]) -> String {
        guard let first = events.first?.start.year, let last = events.last?.start.year else { return "" }
        var perYear: [Int: Int] = [:]
        for e in events { perYear[e.start.year, default: 0] += 1 }
        let most = perYear.values.max() ?? 1
        // Long spans show only years that have events, so the strip stays readable.
        let years = last - first <= 40 ? Array(first...last) : perYear.keys.sorted()
        var h = "<nav class=\"axis\" aria-label=\"Events per year\">"
        for y in years {
            let n = perYear[y] ?? 0
            let pct = n == 0 ? 0 : max(8, n * 100 / most)
            let label = "\(y): \(n) event\(n == 1 ? "" : "s")"
            if n > 0 {
                h += "<a href=\"#y\(y)\" title=\"\(label)\"><i style=\"height:\(pct)%\"></i><span>\(y)</span></a>"
            } else {
                h += "<a class=\"none\" title=\"\(label)\"><i></i><span>\(y)</span></a>"
            }
        }
        return h + "</nav>\n"
    }

    func event(_ e: TimelineEvent) -> String {
        let placesAttribute = e.places.map { "|" + $0 }.joined() + "|"
        var h = """
            <article class="event t-\(e.type.rawValue)" data-type="\(e.type.rawValue)" data-places="\(Self.escape(placesAttribute))">
            <div class="when"><time datetime="\(e.start)">\(Self.escape(Self.when(e)))</time></div>
            <div class="what"><p class="tags"><span class="badge">\(e.type.rawValue)</span>
            """
        for p in e.places { h += " <span class=\"place\">\(Self.escape(p))</span>" }
        h += "</p>\n<p class=\"evidence\">\(Self.escape(e.evidence))</p>\n"
        let file = (e.source.path as NSString).lastPathComponent
        h += "<p class=\"source\" title=\"\(Self.escape(e.source.path))\">"
        if let t = e.source.title, !t.isEmpty {
            h += "<cite>\(Self.escape(t))</cite> · "
        }
        h += "\(Self.escape(file)) · <span class=\"id\">\(Self.escape(e.id))</span>"
        if !e.organizations.isEmpty {
            h += "<br><span class=\"orgs\">\(Self.escape(e.organizations.joined(separator: " · ")))</span>"
        }
        h += "</p>\n</div>\n</article>\n"
        return h
    }

    /// How the date reads in the margin: "17 Apr" for a day, else the TIMEX value.
    static func when(_ e: TimelineEvent) -> String {
        if case .day(let d) = e.date.kind {
            return "\(d.day) \(monthNames[d.month - 1].prefix(3))"
        }
        return e.date.description
    }

    static func day(_ date: Date) -> String {
        CivilDate(dayNumber: Int((date.timeIntervalSince1970 / 86_400).rounded(.down))).description
    }

    /// Escapes text for element content and quoted attribute values.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Controls other than tab and line breaks are not allowed in HTML text.
                if (c.value < 0x20 && c != "\t" && c != "\n" && c != "\r") || c.value == 0x7F {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out
    }

    static let css = """
        :root{--ink:#1f2937;--muted:#6b7280;--line:#d1d5db;--bg:#f8fafc;--card:#fff;
        --meeting:#2563eb;--visit:#0891b2;--deadline:#dc2626;--approval:#16a34a;--agreement:#7c3aed;--launch:#ea580c;--announcement:#b45309}
        *{box-sizing:border-box}
        body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);background:var(--bg)}
        header{background:var(--card);border-bottom:1px solid var(--line);padding:18px 28px 10px}
        h1{margin:0;font-size:22px}
        .meta{margin:2px 0 10px;color:var(--muted);font-size:13px}
        form{display:flex;flex-wrap:wrap;gap:10px 18px;align-items:center}
        fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:6px}
        legend{display:none}
        .chip{display:inline-flex;align-items:center;gap:4px;border:1px solid var(--line);border-radius:999px;padding:2px 10px 2px 6px;font-size:13px;cursor:pointer;user-select:none}
        .chip b{font-weight:600;color:var(--muted)}
        .chip input{accent-color:var(--c)}
        .field{font-size:13px;color:var(--muted)}
        select,input[type=search]{font:inherit;color:var(--ink);padding:3px 6px;border:1px solid var(--line);border-radius:6px;background:#fff}
        output{font-size:13px;color:var(--muted)}
        .axis{display:flex;align-items:flex-end;gap:3px;height:64px;margin-top:12px;overflow-x:auto}
        .axis a{flex:1 0 26px;display:flex;flex-direction:column;justify-content:flex-end;height:100%;text-decoration:none;color:var(--muted);font-size:10px;text-align:center}
        .axis i{display:block;background:#94a3b8;border-radius:3px 3px 0 0;min-height:0}
        .axis a:hover i{background:var(--meeting)}
        .axis a.none i{height:0}
        main{max-width:980px;margin:0 auto;padding:8px 28px 40px}
        .year>h2{position:sticky;top:0;background:var(--bg);margin:18px 0 0;padding:6px 0;font-size:20px;z-index:1}
        .month{position:relative;margin-left:92px;border-left:2px solid var(--line);padding:2px 0 8px 22px}
        .month>h3{margin:8px 0 6px;font-size:14px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
        .event{position:relative;display:flex;gap:12px;background:var(--card);border:1px solid var(--line);border-left:4px solid var(--c);border-radius:8px;padding:8px 12px;margin:8px 0}
        .event::before{content:"";position:absolute;left:-30px;top:14px;width:12px;height:12px;border-radius:50%;background:var(--c);border:2px solid var(--bg)}
        .when{position:absolute;left:-122px;top:9px;width:84px;text-align:right;font-size:13px;font-variant-numeric:tabular-nums;color:var(--ink);font-weight:600}
        .what{min-width:0}
        .what p{margin:0}
        .tags{font-size:12px}
        .badge{display:inline-block;background:var(--c);color:#fff;border-radius:4px;padding:0 6px;font-weight:600;text-transform:uppercase;letter-spacing:.03em;font-size:11px}
        .place{display:inline-block;border:1px solid var(--line);border-radius:4px;padding:0 5px;color:var(--ink)}
        .evidence{margin:4px 0 !important}
        .source{font-size:12px;color:var(--muted);overflow-wrap:anywhere}
        .source cite{font-style:italic;color:var(--ink)}
        .id{font-family:ui-monospace,monospace;font-size:11px}
        .empty{color:var(--muted)}
        [hidden]{display:none !important}
        .t-meeting{--c:var(--meeting)}.t-visit{--c:var(--visit)}.t-deadline{--c:var(--deadline)}.t-approval{--c:var(--approval)}
        .t-agreement{--c:var(--agreement)}.t-launch{--c:var(--launch)}.t-announcement{--c:var(--announcement)}
        .chip.t-meeting,.chip.t-visit,.chip.t-deadline,.chip.t-approval,.chip.t-agreement,.chip.t-launch,.chip.t-announcement{border-color:var(--c)}
        @media (max-width:640px){.month{margin-left:8px}.when{position:static;width:auto;text-align:left}.event{flex-direction:column;gap:2px}}
        """

    static let script = """
        (function(){
        "use strict";
        var form=document.getElementById("filters"),place=document.getElementById("place"),
        text=document.getElementById("text"),shown=document.getElementById("shown"),
        events=Array.prototype.slice.call(document.querySelectorAll("article.event"));
        events.forEach(function(e){e._text=e.querySelector(".evidence").textContent.toLowerCase();});
        function apply(){
        var types={};
        Array.prototype.forEach.call(form.querySelectorAll("input[name=type]"),function(b){types[b.value]=b.checked;});
        var p=place.value,words=text.value.toLowerCase().split(/\\s+/).filter(Boolean),n=0;
        events.forEach(function(e){
        var ok=types[e.dataset.type]&&(!p||e.dataset.places.indexOf("|"+p+"|")>=0)&&
        words.every(function(w){return e._text.indexOf(w)>=0;});
        e.hidden=!ok;if(ok){n++;}
        });
        Array.prototype.forEach.call(document.querySelectorAll("section.month,section.year"),function(s){
        s.hidden=!s.querySelector("article.event:not([hidden])");
        });
        shown.textContent=n+" shown";
        }
        form.addEventListener("change",apply);
        text.addEventListener("input",apply);
        form.addEventListener("submit",function(ev){ev.preventDefault();});
        apply();
        })();
        """
}
