"""Dumps in other scripts and languages: sentence stops, Thai, bylines, "read also" lines, comments headers."""

from __future__ import annotations

import pytest
from clean_dump_support import clean_dump as _clean
from clean_dump_support import kept_text as _kept

from triage_app.core.clean import patterns as P
from triage_app.core.clean import text_reasons as TR

SCRIPT_DUMPS = {
    "hindi": (["होम", "देश", "दुनिया", "खेल", "मनोरंजन"], [
        "सरकार ने बुधवार को दिल्ली में वायु प्रदूषण कम करने के लिए नई योजना की घोषणा की।",
        "मंत्रालय के प्रवक्ता के अनुसार पुराने वाहनों को धीरे-धीरे सड़कों से हटाया जाएगा।",
        "विशेषज्ञों का कहना है कि ये कदम पर्याप्त नहीं हैं और लंबी अवधि की नीतियों की जरूरत है।",
        "शहर के कई इलाकों में हवा की गुणवत्ता पिछले सप्ताह बेहद खराब दर्ज की गई थी।"]),
    "urdu": (["صفحہ اول", "پاکستان", "دنیا", "کھیل", "تفریح"], [
        "حکومت نے بدھ کے روز لاہور میں فضائی آلودگی کم کرنے کے لیے ایک نئے منصوبے کا اعلان کیا۔",
        "وزارت کے ترجمان کے مطابق پرانی گاڑیوں کو آہستہ آہستہ سڑکوں سے ہٹا دیا جائے گا۔",
        "ماہرین کا کہنا ہے کہ یہ اقدامات کافی نہیں ہیں اور طویل مدتی پالیسیوں کی ضرورت ہے۔",
        "گزشتہ ہفتے شہر کے کئی علاقوں میں ہوا کا معیار انتہائی خراب ریکارڈ کیا گیا تھا۔"]),
    "arabic": (["الرئيسية", "سياسة", "اقتصاد", "رياضة", "ثقافة"], [
        "هل تكفي الخطة الجديدة التي أعلنتها الحكومة يوم الأربعاء للحد من تلوث الهواء في العاصمة؟",
        "وقال المتحدث باسم الوزارة إن المركبات القديمة ستسحب تدريجيا من الشوارع؛",
        "ويسأل الخبراء لماذا لا توجد سياسات طويلة الأمد لتحسين جودة الهواء في المدينة؟",
        "فمن يتحمل المسؤولية عن المستويات السيئة التي سجلت خلال الأسبوع الماضي؟"]),
}


@pytest.mark.parametrize("script", sorted(SCRIPT_DUMPS))
def test_a_dump_whose_sentences_end_with_another_script_s_stop_has_an_article(script: str) -> None:
    """A line of 60-150 characters is prose when it ends a sentence; the danda "।", Urdu's "۔" and the Arabic
    question mark "؟" end sentences as "." does. Without them the dump had no prose line, found no article and
    kept its menu, where the same dump in English loses it."""
    menu, paragraphs = SCRIPT_DUMPS[script]
    text = "\n".join([*menu, "", *"\n\n".join(paragraphs).split("\n")])
    result = _clean(text)
    kept = _kept(result)
    assert all(p in kept for p in paragraphs)
    assert not any(item in kept.split("\n") for item in menu)


THAI_MENU = ["หน้าแรก", "ข่าวในประเทศ", "ต่างประเทศ", "กีฬา", "บันเทิง"]
THAI = [
    "รัฐบาลประกาศแผนใหม่เมื่อวันพุธเพื่อลดมลพิษทางอากาศในเมืองหลวงในปีหน้า",
    "โฆษกกระทรวงกล่าวว่ารถยนต์เก่าจะถูกนำออกจากท้องถนนทีละน้อยและจะขยายระบบขนส่งสาธารณะ",
    "ผู้เชี่ยวชาญกล่าวว่ามาตรการเหล่านี้ยังไม่เพียงพอและจำเป็นต้องมีนโยบายระยะยาว",
    "คุณภาพอากาศในหลายพื้นที่ของเมืองถูกบันทึกว่าแย่มากเมื่อสัปดาห์ที่แล้ว",
]


def test_a_thai_dump_reads_its_runs_of_letters_as_prose_and_its_menu_as_a_menu() -> None:
    """Thai puts no space between words and no stop after a sentence: a sentence is a long run of letters. Its
    letters were counted as CJK characters are, so a twelve-letter menu label ("ข่าวในประเทศ") was a sentence, and
    no paragraph of 69-82 letters was prose: the dump found no article and kept its menu and footer."""
    text = "\n".join([*THAI_MENU, "", *"\n\n".join(THAI).split("\n"), "", "เกี่ยวกับเรา", "ติดต่อเรา"])
    kept = _kept(_clean(text))
    assert all(p in kept for p in THAI)
    assert not any(item in kept.split("\n") for item in [*THAI_MENU, "เกี่ยวกับเรา", "ติดต่อเรา"])


RUSSIAN = [
    "Правительство в среду объявило о новом плане по снижению загрязнения воздуха в столице в следующем году.",
    "По словам представителя министерства, старые автомобили будут постепенно убраны с улиц, а транспорт расширен.",
    "Эксперты считают, что этих мер недостаточно и нужна долгосрочная политика для улучшения качества воздуха.",
]


@pytest.mark.parametrize(
    ("byline", "name", "date"),
    [("Текст: Венера Ерофеева·24 сентября 2018", "Венера Ерофеева", "2018-09-24"),
     ("Автор: Иван Петров, 24 сентября 2018", "Иван Петров", "2018-09-24"),
     ("Yazar: Ahmet Yılmaz · 12 Mart 2024", "Ahmet Yılmaz", "2024-03-12"),
     ("Oleh: Budi Santoso, Maret 12, 2024", "Budi Santoso", "2024-03-12")],
)
def test_a_dump_s_byline_labelled_in_another_language_gives_its_author_and_date(byline: str, name: str, date: str) -> None:
    """"Текст:" and "Автор:" (Russian, Ukrainian), "Yazar:" (Turkish), "Oleh:" and "Penulis:" (Indonesian) label a
    byline as "Author:" does (an aeb-dev Russian page's dump has the first form); "Oleh" only with its colon, since
    it is also a Ukrainian first name."""
    text = "\n".join(["Главная", "Новости", "Спорт", "", "Новый план для чистого воздуха", byline, "", *"\n\n".join(RUSSIAN).split("\n")])
    result = _clean(text)
    assert (result.byline, result.published) == (name, date)
    assert {b.text: b.reason for b in result.blocks}[byline] == P.BYLINE


def test_oleh_without_a_colon_is_a_name_not_a_byline_label() -> None:
    assert not P.BYLINE_RE.match("Oleh Sentsov")
    assert P.BYLINE_RE.match("Oleh: Budi Santoso")


READ_ALSO = [
    "Читайте также: Правительство объявило о новом плане", "Читайте також: Уряд оголосив новий план",
    "Czytaj także: Rząd ogłosił nowy plan", "Čtěte také: Vláda oznámila nový plán", "Ayrıca okuyun: Hükümet yeni planı açıkladı",
    "Διαβάστε επίσης: Η κυβέρνηση ανακοίνωσε νέο σχέδιο", "Citește și: Guvernul a anunțat un nou plan",
    "Läs också: Regeringen presenterade en ny plan", "Baca juga: Pemerintah umumkan rencana baru",
    "Kapcsolódó cikkek", "اقرأ أيضا: الحكومة تعلن خطة جديدة", "相关阅读：政府宣布新计划", "関連記事", "관련기사",
    # thirtieth session (newspaper4k's Thai page kept its "related stories" list): Thai, Vietnamese, Hindi, Latvian,
    # Lithuanian, Estonian, Finnish
    "เรื่องที่เกี่ยวข้อง ลืออุ้ม อ.สุรชัย ผู้ลี้ภัยหายจากที่พัก 12 วันแล้ว", "อ่านเพิ่มเติม", "Tin liên quan",
    "Xem thêm: Chính phủ công bố kế hoạch mới", "यह भी पढ़ें: सरकार ने नई योजना की घोषणा की", "Lasi arī: Valdība paziņo jaunu plānu",
    "Taip pat skaitykite: Vyriausybė paskelbė naują planą", "Loe ka: Valitsus teatas uuest plaanist", "Lue myös: Hallitus julkisti uuden suunnitelman",
]


@pytest.mark.parametrize("line", READ_ALSO)
def test_read_also_in_other_languages_is_a_related_link(line: str) -> None:
    """"Read also: <another story>" and "related articles" in the languages whose dates are read: a line that links
    another story, not the article's text."""
    assert TR.text_reason(line) == P.RELATED


def test_an_indonesian_read_also_line_inside_the_article_is_removed() -> None:
    paragraphs = [
        "Pemerintah pada hari Selasa mengumumkan rencana baru untuk mengurangi polusi udara di ibu kota pada tahun depan,"
        " termasuk pembatasan kendaraan tua dan perluasan transportasi umum.",
        "Menurut juru bicara kementerian, stasiun kereta baru akan dibangun sebelum akhir tahun agar warga lebih sedikit"
        " menggunakan kendaraan pribadi setiap hari.",
        "Para ahli mengatakan langkah ini belum cukup dan kebijakan jangka panjang diperlukan untuk memperbaiki kualitas"
        " udara di seluruh wilayah kota.",
    ]
    read_also = "Baca juga: Harga beras naik lagi di pasar tradisional"
    dump = "\n".join(["Beranda", "Berita", "Ekonomi", "Olahraga", "", "Rencana baru pemerintah untuk udara bersih", "",
                      "Selasa, 12 Maret 2024 14:05 WIB", "", paragraphs[0], "", read_also, "", *(p + "\n" for p in paragraphs[1:])])
    result = _clean(dump)
    kept = "\n".join(b.text for b in result.blocks if b.reason is None)
    assert all(p in kept for p in paragraphs)
    assert read_also not in kept
    assert result.published == "2024-03-12T14:05:00+07:00"


@pytest.mark.parametrize("header", ["12 комментариев", "Комментарии (12)", "5 yorum", "Yorumlar", "Σχόλια", "التعليقات",
                                    "12条评论", "コメント", "댓글", "Kommentare", "Komentarze (3)"])
def test_a_comments_header_in_another_language_ends_the_article(header: str) -> None:
    """A post of over 500 characters, then its comments under a header in the post's language: the comments go."""
    more = ["Власти также пообещали построить новые велосипедные дорожки и высадить деревья вдоль главных улиц города.",
            "Первые результаты программы будут представлены жителям осенью на открытых встречах в каждом районе."]
    comments = ["Отличная новость, давно пора было заняться воздухом в городе, надеюсь, что всё это не останется на бумаге.",
                "Посмотрим, что будет через год, обещаний мы слышали уже много, а машин на улицах становится только больше."]
    dump = "\n".join(["Главная", "Новости", "Политика", "", "Новый план по чистому воздуху", "",
                      *(p + "\n" for p in RUSSIAN + more), header, "", *(c + "\n" for c in comments), "О нас", "Контакты"])
    kept = "\n".join(b.text for b in _clean(dump).blocks if b.reason is None)
    assert all(p in kept for p in RUSSIAN + more)
    assert not any(c in kept for c in comments)


JAPANESE_ARTICLE = [
    "【6月18日 AFP】港湾局は16日、北側の岸壁に40年間立っていた古いクレーンを来年の春に撤去すると発表した。老朽化が進み、強風の日には近くの倉庫で働く人々の安全が心配されていたという。",
    "港湾局の担当者によると、撤去の費用は約3億円で、跡地には新しい小型のクレーンと見学者向けの広場を整備する計画だ。地元の商店会は広場の完成を歓迎している。",
    "一方で、クレーンを町の象徴として残してほしいという声も根強い。保存を求める市民団体は、これまでに1万人を超える署名を集め、来月にも港湾局に提出する予定だ。",
    "港湾局は保存を求める声も踏まえ、クレーンの一部を記念品として広場に展示することを検討している。(c)AFP/Taro YAMADA",
]


def test_a_long_japanese_paragraph_is_not_a_short_credit_line() -> None:
    """Thirtieth session (newspaper4k's test pages): a dump's rules for short lines (a credit of 12 words or fewer)
    counted words by spaces, so a 90-character Japanese paragraph holding "AFP" was one "word" and went as a caption,
    the lead and the last paragraph of an AFP story with it. Two such characters count as a word, as in the word
    counts (`line_features.word_count`)."""
    text = "\n".join(["ホーム", "国際", "経済", "スポーツ", "", *"\n\n".join(JAPANESE_ARTICLE).split("\n"), "", "AFP通信", "写真：AFP"])
    kept = _kept(_clean(text))
    assert all(paragraph in kept for paragraph in JAPANESE_ARTICLE)
    assert "写真：AFP" not in kept  # a credit line still is one


def test_chinese_and_japanese_lines_wrapped_mid_sentence_are_rejoined_without_a_space() -> None:
    """A dump hard-wrapped at 72 characters breaks a Chinese or Japanese sentence anywhere (no spaces to break at):
    re-joined with a space, "贸易运输 上相互依存" is two words to search, copies and the reader. Korean spaces its
    words, so a Korean wrap is re-joined with a space."""
    import textwrap

    from triage_app.core.clean.unwrap import joint

    text = "\n".join(["首页", "新闻", "财经", "", *("\n\n".join(textwrap.fill(p, 30) for p in JAPANESE_ARTICLE[:3])).split("\n")])
    kept = _kept(_clean(text)).split("\n")
    assert kept == JAPANESE_ARTICLE[:3]
    assert joint("运输", "上相") == "" and joint("ある。", "「次") == ""
    assert joint("한국어는", "띄어쓰기를") == " " and joint("the", "port") == " " and joint("港湾局", "AFP") == " "


def test_a_short_chinese_text_wrapped_twice_is_rejoined() -> None:
    """Too few lines for a wrap to be found by its count (five), as in a short Chinese e-mail: two lines that end at
    the text's widest column mid-sentence, between Chinese characters, are a wrap all the same. Lines a writer ended
    (after "。"), and a menu's short items of one length, are not."""
    from triage_app.core.clean.text_lines import split_lines
    from triage_app.core.clean.unwrap import rejoin_wrapped, unspaced_wrap

    paragraphs = [
        "瑞典一带一路研究所副所长指出，作为全球最大的两个经济体，两国关系几乎会影响每一个国家，这是不可避免的。各国在供应链和贸易运输上相互依存。",
        "克罗地亚地缘经济论坛主席表示，会晤的举行本身就是一项重大成就，此次会晤让人们对两国之间的合作前景更加乐观，也让市场松了一口气。",
    ]
    wrapped = "\n\n".join(p[:40] + "\n" + p[40:] for p in paragraphs)
    assert [line.text for line in rejoin_wrapped(split_lines(wrapped))] == paragraphs
    written = "\n".join(["第一句话写完了，作者在这里自己换了行，没有写满一整行。", "第二句话也是这样，作者自己换行。"] * 2)
    assert unspaced_wrap(split_lines(written)) is None
    verse = "\n".join(["床前明月光疑是地上霜举头望明月低头思故乡床前明月光", "疑是地上霜举头望明月低头思故乡", "举头望明月低头思故乡床前明月光疑是地上霜", "低头思故乡"])
    assert unspaced_wrap(split_lines(verse)) is None  # one line at the widest column, not two
    assert unspaced_wrap(split_lines("首页\n新闻\n财经\n体育\n娱乐")) is None
