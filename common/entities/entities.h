/** @file entities.h @brief People, places and organisations of an article, each resolved to one canonical entity whatever the spelling or script. */
#pragma once
#include "common/text/analyzer.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace khoj {

/// What an entity is; decides its index term prefix (XP, XL, XO) and its query filter (person:, place:, org:).
enum class EntityKind { Person, Place, Organisation };

/// Every kind, in the order hits and facets list them.
inline constexpr EntityKind kEntityKinds[] = {EntityKind::Person, EntityKind::Place, EntityKind::Organisation};

/// "person", "place" or "org": the spelling used in the gazetteer, in query filters and in output.
const char* kind_name(EntityKind kind);

/// The kind spelt @p name by kind_name() ("person", "place", "org"), or nullopt.
std::optional<EntityKind> kind_from_name(std::string_view name);

/// One canonical entity: every spelling (शोइगु, सोइगु, Shoigu) resolves to the same value.
struct Entity {
    EntityKind kind = EntityKind::Person;
    std::string name;     ///< canonical Devanagari name: सर्गेई शोइगु
    std::string name_en;  ///< canonical English name: Sergei Shoigu

    friend bool operator==(const Entity& a, const Entity& b) {
        return a.kind == b.kind && a.name == b.name && a.name_en == b.name_en;
    }
    friend bool operator!=(const Entity& a, const Entity& b) { return !(a == b); }
};

/// The known entities of Hindi news (common/entities/data/gazetteer.tsv, compiled into the library) and
/// their aliases in both scripts, looked up by orthographic form, by spelling-variant form and by
/// romanisation key, so a spelling no alias lists (मास्को for मॉस्को) still resolves.
class Gazetteer {
  public:
    /// One alias, pre-analysed into the three forms text tokens are compared by.
    struct Alias {
        std::vector<std::string> exact;   ///< Token::exact of each word (orthographic, Latin lower-case)
        std::vector<std::string> folded;  ///< hindi_normalizer::spelling_variants of each word
        std::vector<std::string> keys;    ///< romanisation key of each word ("" for numbers)
        bool acronym = false;             ///< written in capitals (WHO, UP): text must be in capitals too
        std::size_t entity = 0;           ///< index into entities()
    };

    /// Parses gazetteer TSV text (kind, name_en, name_hi, aliases); throws khoj::Error on a malformed line.
    explicit Gazetteer(std::string_view tsv);
    // Not copied: words remember the candidate lists of the gazetteer with this serial number.
    Gazetteer(const Gazetteer&) = delete;
    Gazetteer& operator=(const Gazetteer&) = delete;

    /// The gazetteer compiled into libkhoj, parsed once: binaries do not read the source tree.
    static const Gazetteer& builtin();

    /// Resolves a user-typed alias (any script, any case, any spelling with the same romanisation
    /// key) to an entity of @p kind: what the query filters person:, place: and org: call.
    std::optional<Entity> resolve(EntityKind kind, std::string_view alias) const;

    const std::vector<Entity>& entities() const { return entities_; }
    const std::vector<Alias>& aliases() const { return aliases_; }

    /// Aliases whose first word has this exact, folded or key form (candidates for a match at a token).
    const std::vector<std::size_t>* starting_with_exact(const std::string& form) const;
    const std::vector<std::size_t>* starting_with_key(const std::string& key) const;

    /// A number no other Gazetteer of this process has (from 1): what a word's remembered
    /// candidate lists (WordFacts::alias_starts) are checked against, where an address could be reused.
    std::uint64_t serial() const { return serial_; }

  private:
    std::vector<std::size_t> lookup(EntityKind kind, std::string_view alias) const;

    std::vector<Entity> entities_;
    std::vector<Alias> aliases_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_first_exact_;  // exact and folded forms
    std::unordered_map<std::string, std::vector<std::size_t>> by_first_key_;
    std::uint64_t serial_;
};

/// Stable index-term suffix of an entity, from its English name: "Sergei Shoigu" → "sergei_shoigu"
/// (lower-case ASCII letters and digits, words joined by '_'), used as "XP"/"XL"/"XO" + slug.
std::string entity_slug(const Entity& entity);

/// Finds the people, places and organisations an article mentions.
///
/// Known entities are matched on token sequences against the gazetteer (longest match wins:
/// उत्तर कोरिया is North Korea, not Korea), by orthographic form, spelling-variant form or
/// romanisation key. Decisions, each chosen for precision:
///  - Nationality adjectives (रूसी, अमेरिकी, चीनी, उत्तर कोरियाई) are not mentions of the place:
///    चीनी is also "sugar", and "American officials" is not an article about America. Hindi
///    postpositions are separate words (रूस का, रूस के), so place nouns need no inflection handling;
///    plural oblique forms (…ों) are never names.
///  - A one-word alias right after a determiner (किसी सूरत, इस बस्ती) is an ordinary word.
///  - A surname alias (मोदी) after an unrelated given name (नीरव मोदी) is another person.
///  - A generic Indian-government alias (रक्षा मंत्रालय, वायुसेना) after a foreign place or
///    nationality (रूस के रक्षा मंत्रालय, चीनी वायुसेना) is that country's body and is skipped.
///  - Latin words match only when capitalised, acronyms only in capitals (WHO, not "who"), and only
///    an alias spelt the same way (Delhi, BJP), never one that merely sounds alike: "Indore Crime
///    News:" is not about Crimea.
///  - A place after ऑफ or ऑल is a word of an organisation's name (स्टेट बैंक ऑफ इंडिया), and a given
///    name alone before words closing an organisation is that organisation's (सोनिया आर्केस्ट्रा ग्रुप).
/// Names the gazetteer lacks are found by two rules, so tomorrow's new name still becomes a facet:
///  - person: a role word (मंत्री, प्रवक्ता, राष्ट्रपति, डॉ., अध्यक्ष …) followed by 1–3 name-shaped
///    words (not a stop word, not a common Hindi word, not a role or organisation word, not plural)
///    and then a postposition, a stop word or punctuation: "प्रवक्ता लिम सू-सुक ने कहा";
///  - organisation: 1–3 name-shaped words closed by an organisation word (ग्रुप, एजेंसी, बैंक …):
///    "केनरा बैंक"; or a place and a field or office: "झारखंड लोक सेवा आयोग". Words that only
///    describe a body (a field, a faith, its members: हिंदू संगठन, निर्माण एजेंसी) do not make a name.
/// Function words the stop list lacks (हालांकि, पश्चात, सहित) end a name as a stop word does.
/// Unknown entities get name = the words as written (orthographically normalised) and name_en = a
/// readable romanisation (readable_latin: final vowels as Hindi says them, विजयवर्गीय → Vijayvargiya;
/// initials as letters, वीके सिंह → V. K. Singh; words capitalised).
class EntityExtractor {
  public:
    explicit EntityExtractor(const Gazetteer& gazetteer = Gazetteer::builtin());

    /// Each distinct entity of the article once, in order of first mention (title first).
    std::vector<Entity> extract(std::string_view title, std::string_view body, Analyzer& analyzer) const;

    /// The same from the tokens the caller already has: @p title and @p body in NFC, each with
    /// its Analyzer::tokenize() result (the indexer tokenises each text once for both uses).
    std::vector<Entity> extract(std::string_view title, const std::vector<Token>& title_tokens, std::string_view body,
                                const std::vector<Token>& body_tokens) const;

  private:
    const Gazetteer& gazetteer_;
};

}  // namespace khoj
