"""Legacy single-byte text files decode right, and a document can be re-opened with another encoding."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from triage_app.cli import run
from triage_app.core.ingest.charset import decode_bytes
from triage_app.core.ingest.legacy import guess_legacy_encoding
from triage_app.core.library import Library, triage
from triage_app.core.library.encoding import reopen_with_encoding

# (language, codepage, text): each file is written in a codepage its language is commonly written in.
LEGACY = [
    ("fr", "latin-1", ("Le gouvernement dépend à la fois du parlement et du président. Les élèves ont réussi leurs examens "
     "après une année difficile, où ils ont travaillé très dur.")),
    ("de", "cp1252", ("Für die nächste Woche sind schwere Gewitter angekündigt. Die Behörden warnen vor Überschwemmungen "
     "in den südlichen Gebieten und größeren Schäden an Straßen.")),
    ("pl", "iso8859-2", ("Wczoraj w Warszawie odbyło się spotkanie ministrów. Zaśpiewali hymn, a potem rozpoczęła się "
     "dyskusja o przyszłości gospodarki i źródłach energii.")),
    ("tr", "cp1254", ("Türkiye'nin başkenti Ankara'dır. Bugün hava çok güzel ve insanlar dışarıda yürüyüş yapıyor. "
     "Öğrenciler okula gitmek için erken kalktılar, çünkü sınav var.")),
    ("cs", "cp1250", ("Vláda dnes schválila nový zákon o daních, který začne platit od příštího roku a týká se všech "
     "občanů. Příliš žluťoučký kůň úpěl ďábelské ódy.")),
    ("hu", "iso8859-2", ("A kormány ma bejelentette, hogy jövőre új adótörvény lép életbe. Az árvíztűrő tükörfúrógép "
     "működése közben több ügyfél is panaszt tett.")),
    ("ru", "cp1251", ("Правительство объявило о новых мерах поддержки экономики. В Москве прошло совещание, на котором "
     "обсуждались вопросы энергетики и транспорта.")),
    ("ru", "koi8-r", ("Правительство объявило о новых мерах поддержки экономики. В Москве прошло совещание, на котором "
     "обсуждались вопросы энергетики и транспорта.")),
    ("el", "cp1253", ("Η κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα για την οικονομία. Οι πολίτες περιμένουν αλλαγές στη "
     "φορολογία και στις συντάξεις τον επόμενο χρόνο.")),
    ("es", "cp1252", ("El gobierno anunció ayer que la economía creció más de lo esperado. Los niños jugaban en el jardín "
     "mientras sus padres hablaban de política española.")),
    ("lt", "cp1257", ("Vyriausybė šiandien paskelbė naujas ekonomikos priemones. Žmonės laukia pokyčių mokesčių srityje "
     "ir pensijų sistemoje ateinančiais metais.")),
    ("he", "cp1255", "הממשלה הודיעה היום על צעדים חדשים לתמיכה בכלכלה. האזרחים מחכים לשינויים במיסים ובפנסיות בשנה הבאה."),
    # Scripts written with combining vowel and tone marks: the marks count as the script's, and a mark
    # after a space (as in Thai read from Hebrew or Arabic bytes) as mojibake.
    ("th", "cp874", ("รัฐบาลอนุมัติกฎหมายใหม่เพื่อสนับสนุนธุรกิจขนาดเล็กเมื่อวันพุธ รัฐมนตรีกล่าวว่าภาระภาษีของผู้ประกอบการ"
     "จะลดลงตั้งแต่ปีหน้า")),
    ("he", "iso8859-8", "הממשלה הודיעה היום על צעדים חדשים לתמיכה בכלכלה. האזרחים מחכים לשינויים במיסים ובפנסיות בשנה הבאה."),
    ("ar", "iso8859-6", "أعلنت الحكومة اليوم عن إجراءات جديدة لدعم الاقتصاد. ينتظر المواطنون تغييرات في الضرائب والمعاشات في العام المقبل."),
    # Croatian, which the language detector splits with Serbian (whose tables are Cyrillic's): read by its script
    ("hr", "cp1250", ("Noćni pljusak poplavio je nekoliko ulica u središtu grada. Vatrogasci su intervenirali više od "
     "četrdeset puta; nitko nije ozlijeđen. Državni zavod produljio je narančasto upozorenje do četvrtka.")),
    ("hr", "iso8859-2", ("Noćni pljusak poplavio je nekoliko ulica u središtu grada. Vatrogasci su intervenirali više od "
     "četrdeset puta; nitko nije ozlijeđen. Državni zavod produljio je narančasto upozorenje do četvrtka.")),
    ("sr", "cp1251", "Ноћни пљусак поплавио је неколико улица у средишту града. Ватрогасци су интервенисали више од четрдесет пута."),
    # Romanian written with ş and ţ, as cp1250 and ISO-8859-2 have them: the same bytes are ș and ț in ISO-8859-16, which
    # the detector prefers; the language's usual codepage decides (read as ISO-8859-16 before)
    ("ro", "cp1250", ("Consiliul local a decis miercuri renovarea şcolii din partea de sud a oraşului. Lucrările încep "
     "săptămâna viitoare şi vor dura trei ani; vecinii trebuie să se aştepte la zgomot toată primăvara.")),
    # DOS and old Mac codepages are tried after the Windows and ISO ones
    ("fr", "cp850", ("Le conseil municipal a décidé mercredi de reporter le vote sur le budget. Les élus de l'opposition "
     "dénoncent un manque de transparence.")),
    ("de", "mac_roman", ("Die Bundesregierung hat am Mittwoch neue Maßnahmen für den Klimaschutz beschlossen. Kritiker "
     "bemängeln, dass die Pläne für Gebäude nicht ausreichen.")),
]


@pytest.mark.parametrize(("language", "codepage", "text"), LEGACY, ids=[f"{lang}-{cp}" for lang, cp, _t in LEGACY])
def test_legacy_text_files_decode_without_mojibake(language: str, codepage: str, text: str) -> None:
    data = text.encode(codepage)
    decoded = decode_bytes(data)
    assert decoded.text == text, f"{language} read as {decoded.charset}"
    assert data.decode(guess_legacy_encoding(data)) == text


def test_cjk_legacy_text_still_goes_to_the_multibyte_detector() -> None:
    text = "日本語のテキストです。これは長い文章で、文字コードの判定に使います。東京は晴れです。"
    assert decode_bytes(text.encode("shift_jis")).text == text


def test_iso2022_text_is_not_read_as_7_bit_utf8() -> None:
    """ISO-2022-JP (old Japanese mail and text) is all 7-bit bytes: valid UTF-8, unless its escapes are seen."""
    text = "政府は水曜日、中小企業を支援する新しい法律を承認した。大臣によると、税負担は来年から軽減される。"
    decoded = decode_bytes(text.encode("iso2022_jp"))
    assert (decoded.text, decoded.charset) == (text, "iso2022_jp")
    assert decode_bytes(b"plain \x1b[1mbold\x1b[0m terminal text").charset == "utf-8"


def _cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return run(list(args), stdout=out, stderr=err), out.getvalue(), err.getvalue()


def test_reopen_with_another_encoding_recleans_and_is_audited(tmp_path: Path) -> None:
    text = "Zprávy z Prahy\n\n" + "Vláda dnes schválila nový zákon o daních, který začne platit od příštího roku. " * 4 + "\n"
    source = tmp_path / "zpravy.txt"
    source.write_bytes(text.encode("cp1250"))
    lib = str(tmp_path / "lib.sqlite")
    assert _cli("import", str(source), "--library", lib, "--quiet")[0] == 0
    code, out, _ = _cli("show", "1", "--library", lib, "--json")
    assert json.loads(out)["charset"] == "cp1250" and "schválila" in json.loads(out)["text"]
    # the analyst says it was Latin-2 after all ... then cp1252, which garbles it: both re-clean and are audited
    code, out, err = _cli("reopen", "1", "cp1252", "--library", lib)
    assert code == 0, err
    doc = json.loads(_cli("show", "1", "--library", lib, "--json")[1])
    assert doc["charset"] == "cp1252" and "zaène" in doc["text"] and "začne" not in doc["text"]
    with Library.open(Path(lib)) as library:
        reopen_with_encoding(library, 1, "cp1250")
        from triage_app.core.library.cleaning import reclean_document

        reclean_document(library, 1)  # a later re-clean keeps the chosen encoding
        assert "začne" in library.db.execute("SELECT text FROM documents WHERE id = 1").fetchone()[0]
        log = [(r["field"], r["old"], r["new"]) for r in triage.audit_log(library.db, 1)]
    assert log == [("encoding", "cp1250", "cp1252"), ("encoding", "cp1252", "cp1250")]
    for name in ("no-such-codec", "rot13", "base64", "zlib", "utf-7"):  # Python's byte transforms: a traceback before
        code, _, err = _cli("reopen", "1", name, "--library", lib)
        assert code == 2 and f"'{name}' is not an encoding of text documents" in err and err.count("\n") == 1


@pytest.mark.parametrize(("language", "codepage", "text"), [item for item in LEGACY if item[0] in ("pl", "cs", "lt", "fr", "th")],
                         ids=lambda value: str(value)[:12])
def test_undeclared_legacy_html_is_read_by_its_text(language: str, codepage: str, text: str) -> None:
    """A page with no charset declaration is weighed like a text file, on its text outside the markup."""
    page = f"<html><head><title>x</title><style>p {{ color: red }}</style></head><body><p>{text}</p></body></html>"
    decoded = decode_bytes(page.encode(codepage), html=True)
    assert text in decoded.text, f"{language} read as {decoded.charset}"


# Short files: a line or two, where a detector has little to go on (each failed before: read as UTF-8 cut
# short, as Shift-JIS, or in the codepage that swaps the script's cases).
SHORT = [
    ("et", "cp1257", "Valitsus kiitis kolmapäev"),
    ("da", "cp1252", "Regeringen godkendte onsdag et lovforslag, der ænd"),
    ("fr", "cp850", "Le gouvernement français "),
    ("ru", "koi8-r", "Правительство в среду одо"),
    ("uk", "koi8-u", "Уряд у середу схвалив зак"),
    ("th", "cp874", "รัฐบาลอนุมัติร่างกฎหมายเมื่อวันพุธ"),
    ("bg", "cp1251", "Правителството одобри в сряда законопроект, който ще промени финансирането на училищата."),
    ("ar", "cp1256", "وافقت الحكومة يوم الأربعاء على مشروع قانون يغير طريقة تمويل المدارس."),
    ("ru", "mac_cyrillic", "Правительство в среду одобрило законопроект, который изменит порядок финансирования школ."),
    ("de", "mac_roman", "Die Bundesregierung hat am Mittwoch neue Maßnahmen"),
    # Cyrillic in the Greek codepage is all Greek letters, which the detector takes for Greek more surely than the
    # Russian for Russian: the letters' frequencies decide (read as cp1253 before).
    ("ru", "cp1251", "Городской совет в среду решил отремонтировать"),
    ("bg", "cp1251", "нтира училището в южната част на града. Работата започва сле"),
    ("ar", "iso8859-6", "المدرسة في الجزء الجنوبي من المدينة. تبدأ الأ"),  # read as Thai (cp874) before
    # a multi-byte reading that puts CJK characters inside Latin words (read as GB18030 and Big5 before)
    ("de", "cp1252", "i Jahre dauern. „Für die Kinde"),
    ("pt", "cp1252", "erão voltar às salas no outono"),
    # lower-case Russian in KOI8-R reads as upper-case Russian in cp1251: other letters, not the same letters with
    # other diacritics, so the language's usual codepage (cp1251) does not overrule the detector
    ("ru", "koi8-r", "нжевый уровень опасности до четверга; в горах"),
    # DOS German: cp850's "ä" is cp1252's "„", a quotation mark inside a word, which no writer types (read as cp1252 before)
    ("de", "cp850", "Nach den heftigen Regenfällen "),
]


@pytest.mark.parametrize(("language", "codepage", "text"), SHORT, ids=[f"{lang}-{cp}" for lang, cp, _t in SHORT])
def test_short_legacy_text_files_decode_without_mojibake(language: str, codepage: str, text: str) -> None:
    decoded = decode_bytes(text.encode(codepage))
    assert decoded.text == text, f"{language} read as {decoded.charset}: {decoded.text}"


def test_short_cjk_text_keeps_its_multibyte_encoding() -> None:
    for text, codepage in (("政府は水曜日、学校の財政制度を", "shift_jis"), ("政府周三批准了一项改变学校", "gbk"),
                           ("政府週三批准了一項改變學校", "big5"), ("정부는 수요일 학교 재정 제도를", "euc_kr")):
        assert decode_bytes(text.encode(codepage)).text == text, codepage


def test_euc_jp_text_is_not_read_as_utf8_with_a_few_bad_bytes() -> None:
    """EUC-JP's kana (0xA4 after a kanji's lead byte) form valid UTF-8 pairs by chance: the text looked like UTF-8
    with bad bytes in it, and was read so (replacement characters throughout)."""
    text = "来週始まり、三年間続く。市長は「子どもたちにとって大きな前進だ」と述べた。費用の大部分は国"
    decoded = decode_bytes(text.encode("euc_jp"))
    assert decoded.text == text, decoded.charset
    assert decode_bytes("Die Behörden warnen vor Überschwemmungen in München.".encode() + b" Stra\xdfe").charset == "utf-8"


def test_utf8_cut_inside_its_last_character_is_still_utf8() -> None:
    data = "Die Behörden warnen vor Überschwemmungen in München".encode()[:-1] + "ü".encode()[:1]
    assert decode_bytes(data).charset == "utf-8"


def test_mixed_case_words_mark_a_case_swapping_codepage() -> None:
    from triage_app.core.ingest.legacy import odd_case_share

    assert odd_case_share("Правительство одобрило ЗАКОН") == 0.0
    assert odd_case_share("оПЮБХРЕКЯРБНРН НДНАПХ") == 0.5
    assert odd_case_share("שלום עולם and plain ASCII McDonald") == 0.0  # uncased scripts and ASCII are not judged
