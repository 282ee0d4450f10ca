import FrontlineGeo

/// `dataset.json`: what a dataset is and how to show it.
public struct DatasetInfo: Codable, Sendable {
    public struct Source: Codable, Sendable {
        public var id: String
        public var name: String
        public var attribution: String
        public var licence: String?
        public var url: String?
        /// True when the source leaves out territory held before 2022: the dataset's baseline
        /// (baseline.geojson) is added to its snapshots when they are read.
        public var addsBaseline: Bool?
        /// The statuses the source reports (raw values); a snapshot without some of them is
        /// partial: figures and legends say which are not reported that day, never "none".
        public var reports: [String]?
    }

    public var id: String
    public var title: String
    /// PROJ definition of the map projection (a conformal conic for a country).
    public var projection: String
    /// [minLon, minLat, maxLon, maxLat] of the map and of the base layers.
    public var extent: [Double]
    /// Attribution lines for the boundaries and base layers.
    public var attribution: [String]
    /// The lines figures without a map owe (a chart, a table): what they are measured with,
    /// the boundaries and the land, not the base map's layers or the gazetteer. Without it,
    /// `attribution`.
    public var figureAttribution: [String]?
    /// The snapshot sources: one folder each under `snapshots/`.
    public var sources: [Source]
    /// The date the README command renders by default.
    public var defaultDate: String?
    /// ISO 3166-1 alpha-3 code of the country the regions make up: base-layer borders on
    /// its sides are left to the dataset's own country border, so the two never double.
    public var country: String?
    /// The languages of the dataset's names and words, by code ("en", "uk"); the first is the
    /// primary one, which one-language outputs use and other languages fall back to.
    /// Without it the dataset is in English only. `--lang` takes these.
    public var languages: [String]?
    /// The dataset's name per language code ("en": "Ukraine", "uk": "Україна").
    public var names: [String: String]?
    /// Legend wording per status and language ("occupied": {"en": "Occupied by Russia"}).
    public var statusLabels: [String: [String: String]]?
    /// How a region of a kind is named in a title, per kind and language, `{name}` standing
    /// for its name ("oblast": {"en": "{name} oblast", "uk": "{name} область"}).
    public var regionKinds: [String: [String: String]]?
    /// The short legend wording of a status, for subtitles and summaries ("occupied": {"en": "Occupied"}).
    public var statusShortLabels: [String: [String: String]]?
    /// Method notes about this dataset's data, per language; `{land_km2}` stands for the land
    /// area of its regions.
    public var methodNotes: [String: [String]]?
    /// The legend wording of the baseline (`baseline.geojson`: land held before the record
    /// begins), per language.
    public var baselineLabels: [String: String]?
    /// The legend wording of the land no status covers (held by the country itself: "Held by
    /// Ukraine"), per language.
    public var freeLabels: [String: String]?
    /// [lon, lat] a viewer starts at (default: the middle of `extent`).
    public var center: [Double]?
    /// The checksum of `regions.geojson` when the build validated it: a file that still
    /// matches is not validated again on every load (25 ms of a map's 200).
    public var regionsChecksum: String?
    /// Which source stands for which period when no source is asked for: each entry's source
    /// from its date until the next entry's. Without it a date takes the newest snapshot of
    /// any source, which alternates between sources wherever two overlap.
    public var sourcePeriods: [SourcePeriod]?

    public struct SourcePeriod: Codable, Sendable {
        public var source: String
        public var from: DayDate
        /// Why the switch is there (shown by `snapshots --check`).
        public var why: String?
    }

    /// The published basis (`--basis admin`), when the dataset has one: its administrative
    /// units with water, and the official total the shares are of.
    public var adminBasis: AdminBasis?

    /// The neighbours whose land counts for land held abroad (`ControlStatus.heldAbroad`), by
    /// the gazetteer's country code, with their names per language. Without it no land abroad
    /// is measured.
    public var heldAbroadCountries: [String: [String: String]]?

    public struct AdminBasis: Codable, Sendable {
        /// The units' file in the dataset folder (the boundaries not clipped to land).
        public var file: String
        /// The official area the national share is of (km²).
        public var totalKm2: Double
        /// What the basis is, per language, for tables and method notes.
        public var note: [String: String]?
    }

    /// The languages the dataset lists, the primary first.
    public var languageList: [Language] { (languages ?? [Language.english.code]).map(Language.init) }

    /// The language other languages fall back to.
    public var primaryLanguage: Language { languageList[0] }

    /// The wording of `table` in `lang`, else in the primary language.
    public func text(_ table: [String: String]?, _ lang: Language) -> String? {
        table?[lang.code] ?? table?[primaryLanguage.code]
    }

    /// The dataset's name in `lang`, falling back to the primary language, then to `title`.
    public func name(_ lang: Language) -> String { text(names, lang) ?? title }

    /// The legend wording of a status in `lang`, or nil when the dataset gives none.
    public func statusLabel(_ status: ControlStatus, _ lang: Language) -> String? {
        text(statusLabels?[status.rawValue], lang)
    }

    /// A region's name as a title says it: the kind's template in `lang`, or the bare name.
    public func regionTitle(name: String, kind: String, _ lang: Language) -> String {
        guard let template = text(regionKinds?[kind], lang) else { return name }
        return template.replacingOccurrences(of: "{name}", with: name)
    }

    /// The short wording of a status in `lang`, or nil when the dataset gives none.
    public func statusShortLabel(_ status: ControlStatus, _ lang: Language) -> String? {
        text(statusShortLabels?[status.rawValue], lang)
    }

    /// A neighbour's name in every language of the dataset (its code where none is given).
    public func countryNames(_ code: String) -> Names {
        let table = heldAbroadCountries?[code]
        return Names(languageList, languageList.map { table?[$0.code] ?? table?[primaryLanguage.code] ?? code })
    }

    /// `extent` as an envelope; the whole Web Mercator world when it is not four numbers.
    public var extentEnvelope: Envelope {
        guard extent.count == 4 else { return Envelope(minX: -180, minY: -85, maxX: 180, maxY: 85) }
        return Envelope(minX: extent[0], minY: extent[1], maxX: extent[2], maxY: extent[3])
    }

    /// Where a viewer starts: `center`, else the middle of `extent`.
    public var startCenter: (lon: Double, lat: Double) {
        if let c = center, c.count == 2 { return (c[0], c[1]) }
        guard extent.count == 4 else { return (0, 0) }
        return ((extent[0] + extent[2]) / 2, (extent[1] + extent[3]) / 2)
    }
}
