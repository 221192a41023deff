"""The text patterns of boilerplate blocks and lines, and the removal reason (`patterns`) each points to: `text_reason`
for short texts, `long_reason` for texts of any length."""

from __future__ import annotations

import functools
import re

from triage_app.core.clean.patterns import (
    ADVERT,
    BYLINE,
    CAPTION,
    COMMENTS,
    COPYRIGHT,
    DATE,
    FOOTER,
    NAVIGATION,
    NEWSLETTER,
    PRIVACY,
    RELATED,
    SHARE,
    TAGS,
    compiled,
)

# Text patterns of short boilerplate blocks and lines, tried in order.
TEXT_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        compiled(
            r"^(skip to (main )?content|skip navigation|jump to (main )?content|back to top|top|menu|search|close|home)\W*$"
            r"|^(skip to( the)? \w+( \w+)?|top of (the )?page|accessibility links|you are here)\W*$"
            # the same in German, French, Spanish, Italian, Portuguese and Dutch
            r"|^((direkt )?zum (haupt)?inhalt( springen)?|(zurück )?nach oben|startseite|suche|menü|schließen"
            r"|aller au contenu( principal)?|retour en haut|accueil|rechercher|fermer"
            r"|(ir|saltar) al contenido( principal)?|volver arriba|inicio|buscar|cerrar"
            r"|(vai|salta) al contenuto( principale)?|torna su|cerca|chiudi"
            r"|(ir|pular) para o conteúdo( principal)?|voltar ao topo|pesquisar|fechar"
            r"|naar (de )?(hoofd)?inhoud|terug naar boven|zoeken|sluiten)\W*$"
            # a newsletter's link to its web copy
            r"|^(view|read|open) (this |it |the )?(e-?mail |newsletter |message |post |issue |version )?(in|on) (your |a |the )?(web ?)?browser\b"
            r"|^(view|read) (it |this |the )?(online|web version)\W*$"
            r"|^((diese )?(e-?mail|newsletter) )?im browser (ansehen|anzeigen|öffnen|lesen)|^online (ansehen|lesen)\W*$|^webversion\W*$"
            r"|^voir (la version en ligne|(cet e-?mail |ce message )?dans (le|votre) navigateur|en ligne)"
            r"|^ver (este (correo|e-?mail) )?(en|no) (el |o |tu |seu )?navegador|^ver (la )?versión web"
            r"|^visualizza (nel browser|online)|^bekijk (deze e-?mail )?(in (je |uw |de )?browser|online)"
        ),
        NAVIGATION,
    ),
    (compiled(r"^(tags?|topics?|keywords?|filed under|categor(y|ies)|posted in|schlagwörter|etiquetas|argomenti)(\s*[:|]|\s+[^,\s]+( [^,\s]+)*,)"), TAGS),
    (
        compiled(
            r"(^|\W)(sign up|subscribe|newsletter|your inbox|email address|e-mail address|opt.?in|unsubscribe)(\W|$)|^if you (enjoyed|liked) this"
            r"|(^|\W)(abonnieren|abmelden|abonnez-vous|s'abonner|se désabonner|se désinscrire|inscrivez-vous|suscríbete|suscribirse"
            r"|darse de baja|iscriviti|disiscriviti|inscreva-se|assine( já)?|cancelar (a )?inscrição|afmelden|uitschrijven)(\W|$)"
        ),
        NEWSLETTER,
    ),
    (
        compiled(
            r"^(\d+\s+)?comments?\W*$|post(ing)? a comment|leave a (comment|reply)|add a comment|read and post comments|community guidelines"
            r"|join the (discussion|conversation)|log in to (comment|reply)|comments? (are|is) (closed|moderated)|(view|show|hide) comments"
            r"|^no comments( yet)?\W*$|comments (to|on) this (entry|post|article) are closed"
            r"|\((will not be published|required)\)"
            r"|(^|\W)(comentários|comentarios|commenti|kommentare|commentaires)(\W|$)"
            r"|deixe (uma resposta|um comentário|seu comentário)|deja (una respuesta|un comentario)|lascia un commento"
            r"|schreibe einen kommentar|laisser un commentaire|laissez un commentaire"
            # "No comments", "1 comment" as the whole line in the same six languages
            r"|^((noch )?keine kommentare|aucun commentaire|pas de commentaires?|sin comentarios|(nenhum|sem) comentários?|nessun commento|geen reacties"
            r"|(\d+\s+)?(kommentar|commentaire|comentario|comentário|commento|reactie|reacties))\W*$"
        ),
        COMMENTS,
    ),
    (
        compiled(
            r"^(click to (share|email|print)|share|share this|share on|tweet|pin it|email this|print|print article|text size|font size|order reprints|reprints|save (article|story)"
            r"|listen to (this|the) (article|story)|printable version|print this (page|article|story)|enlarge (this )?(photo|image|picture))\b(?!\()"
            r"|share (it|this) with|(^|\W)(facebook|twitter|whatsapp|linkedin|pinterest)(\W+(facebook|twitter|whatsapp|linkedin|pinterest|email|reddit))+"
            r"|^((diesen )?(artikel |beitrag )?teilen|jetzt teilen|partager( (cet|l')\s?article)?|compartir( (este )?artículo)?|condividi"
            r"|compartilh(ar|e)|delen|drucken|imprimer|imprimir|stampa)\W*$"
        ),
        SHARE,
    ),
    (
        compiled(
            r"^\(?(related|read more|read also|see more|see also|more from|more on|you may also like|you might also like|don.t miss|recommended"
            r"|also on|also read|more in|most (read|popular|viewed)|trending|leggi anche|lesen sie auch|mehr zum thema|lire aussi|leia também|lea también"
            r"|você (também )?pode gostar|veja também|potrebbe interessarti|vous aimerez|te puede interesar"
            r"|artigos relacionados|articoli correlati|artículos relacionados|verwandte artikel|articles liés|posts relacionados"
            # "read also" and "related news" in Russian, Ukrainian, Polish, Czech, Turkish, Greek, Romanian, Swedish, Danish,
            # Norwegian, Indonesian, Hungarian, Arabic, Chinese, Japanese and Korean: a line that links another story,
            r"|читайте также|смотрите также|читайте також|дивіться також|czytaj (także|też|również)|zobacz (także|też|również)"
            r"|čtěte (také|též)|přečtěte si (také|též)|související články|ayrıca (okuyun|bakınız)|ilgili haberler"
            r"|διαβάστε (επίσης|ακόμη)|δείτε επίσης|citește și|citeste si|vezi și|läs (också|även)|relaterade artiklar"
            r"|læs også|les også|baca juga|lihat juga|berita terkait|kapcsolódó cikkek|ezt is ajánljuk"
            r"|اقرأ (أيضا|أيضاً|ايضا)|(مواضيع|أخبار|اخبار) ذات صلة|相关阅读|相關閱讀|延伸阅读|延伸閱讀|相关新闻|推荐阅读|関連記事|あわせて読みたい"
            r"|관련\s?기사|함께 보면 좋은"
            # and in Thai, Vietnamese, Hindi, Latvian, Lithuanian, Estonian and Finnish
            r"|เรื่องที่เกี่ยวข้อง|ข่าวที่เกี่ยวข้อง|บทความที่เกี่ยวข้อง|อ่านเพิ่มเติม|tin liên quan|bài viết liên quan|xem thêm|đọc thêm"
            r"|lasi arī|saistītie raksti|taip pat skaitykite|susiję straipsniai"
            r"|loe ka|seotud artiklid|lue myös|aiheeseen liittyvät)\b"
            # Hindi's end in a vowel sign, after which `\b` finds no word boundary
            r"|^\(?(यह भी पढ़ें|ये भी पढ़ें|संबंधित खबरें|संबंधित लेख)"
            # most read, see also, don't miss, recommended, read more, more news, related news in German, French, Spanish,
            # Italian, Portuguese and Dutch: only as a whole short line ("Empfehlungen der Kommission ..." is prose; the
            # length test first keeps the alternatives off longer texts)
            r"|^(?=.{0,40}$)(meistgelesen|meist gelesen|am meisten gelesen|siehe auch|nicht verpassen|empfehlungen|weiterlesen|mehr lesen"
            r"|weitere artikel|weitere nachrichten|mehr nachrichten|auch interessant|das könnte sie interessieren"
            r"|les plus lus|voir aussi|à ne pas manquer|lire la suite|en savoir plus|sur le même sujet|plus d'actualités|articles similaires"
            r"|lo más leído|más leíd[ao]s|ver también|no te pierdas|leer más|seguir leyendo|más noticias|noticias relacionadas"
            r"|i più letti|più lett[ie]|vedi anche|da non perdere|leggi di più|continua a leggere|altre notizie|notizie correlate"
            r"|mais lid[ao]s|ver também|não perca|leia mais|continue lendo|mais notícias|notícias relacionadas"
            r"|meest gelezen|zie ook|mis het niet|aanbevolen|lees meer|lees verder|lees ook|meer nieuws|gerelateerde artikelen)\W*$"
        ),
        RELATED,
    ),
    (compiled(r"^(\S+ ){0,5}(more|mehr|plus|más|altro)\s*[»›>]*$|^more( \S+){1,3}$"), RELATED),
    (
        compiled(
            r"^(©|\(c\)|copyright\b)|all rights reserved|(^|\W)©\s*\d{4}|alle rechte vorbehalten|tous droits réservés"
            r"|todos los derechos reservados|todos os direitos reservados|tutti i diritti riservati|alle rechten voorbehouden"
        ),
        COPYRIGHT,
    ),
    (
        compiled(
            r"(privacy (policy|notice|settings)|cookie (policy|settings|preferences)|terms (of (use|service)|and conditions)|do not sell|personal information)"
            r"|^datenschutz\W*$|(^|\W)(datenschutz(erklärung|hinweise|einstellungen)|impressum|cookie-einstellungen|nutzungsbedingungen|politique de confidentialité"
            r"|mentions légales|política de privacidad|aviso legal|política de privacidade|informativa (sulla )?privacy|privacyverklaring|privacybeleid)(\W|$)"
        ),
        PRIVACY,
    ),
    (
        compiled(
            r"(^|\W)(advertisement|advertising|sponsored|ad choices|adchoices)(\W|$)|^click here\b|\bclick here (to|for)\b"
            r"|^(anzeige|werbung|publicité|publicidad|pubblicità|publicidade|advertentie)\W*$"
        ),
        ADVERT,
    ),
    (
        compiled(
            r"(registered )?trademarks? of|^download the .{0,40}app$|^get the .{0,40}app$|^follow us\b|^disclaimer\b"
            r"|^(folgen sie uns|folge uns|suivez-nous|síguenos|siga-nos|seguici|volg ons)\b"
        ),
        FOOTER,
    ),
    (
        # an article's reading time, shown with its date under the headline
        compiled(
            r"^(\S+ ){0,8}\d+\s*(-\s*)?(min(ute)?s?\.?|mins?\.?)\s*(read|reading|lesezeit|de lecture|de lectura|di lettura|de leitura)\W*$"
            r"|^(estimated )?(reading time|read time|lesezeit|temps de lecture|tiempo de lectura|tempo di lettura|tempo de leitura)\b"
            r"|^(published|posted|updated) (about )?\d+ (minutes?|mins?|hours?|hrs?|days?) ago\W*$"
        ),
        DATE,
    ),
    (
        compiled(
            r"^(email|e-mail|write to|contact|follow) [A-Z][\w.'-]+.{0,80}(@|\bat\b|\bon (twitter|facebook|instagram))"
            r"|^(reporting|additional reporting|editing|writing|compiled) by\b|contributed to this (report|article|story)"
        ),
        BYLINE,
    ),
)


# Patterns that mark boilerplate whatever the length of the text, each with the words one of which must be in the
# (lower-cased) text before it is tried (None: always, once the text passes `_LONG_GATE`): the other languages' long
# alternations cost more than all the others together.
LONG_PATTERNS: tuple[tuple[re.Pattern[str], str, tuple[str, ...] | None], ...] = (
    (
        compiled(
            r"(this|our) (web)?site uses cookies|we use cookies|(necessary|essential|functional|analytics|advertising) cookies"
            r"|accept (all )?cookies|cookie (consent|settings|policy)|for your personal, non-commercial use only"
            r"|store and/or access information on a device|\bwe,? (and|in collaboration with) our (\d+ )?(partners|vendors),? (use|store|process|may use)\b"
        ),
        PRIVACY,
        None,
    ),
    (
        # the same notice in German, French, Spanish, Portuguese, Italian and Dutch ("Wir verwenden Cookies", "Ce site utilise
        # des cookies", "Utilizamos cookies", "Este site usa cookies", "Utilizziamo i cookie", "Deze website gebruikt cookies"),
        # tried only on a text with "cookie" in it
        compiled(
            r"\b(wir|diese (web)?seite|diese website|unsere (web)?seite|unsere website) (verwenden|verwendet|nutzen|nutzt|setzen|setzt) cookies"
            r"|\bcookies? (akzeptieren|zulassen)|\bcookie-(einstellungen|richtlinie|hinweis)"
            r"|\b(nous utilisons|ce site (web )?utilise|notre site (web )?utilise) (des |les )?(cookies|traceurs)|\baccepter (les |tous les )?cookies"
            r"|\b(utilizamos|usamos|este sitio (web )?(utiliza|usa)|nuestro sitio (web )?(utiliza|usa)|este site (utiliza|usa)|nosso site (utiliza|usa)"
            r"|este website (utiliza|usa)) (las |os )?cookies|\b(aceptar|aceitar) (todas las |todos os )?(las |os )?cookies"
            r"|\b(utilizziamo|usiamo|questo sito (web )?(utilizza|usa)|il nostro sito (web )?(utilizza|usa)) (i )?cookie|\baccett(a|o|are) (tutti )?(i )?cookie"
            r"|\b(wij|we|deze (web)?site|onze (web)?site) (gebruiken|gebruikt|maakt gebruik van|maken gebruik van) cookies|\b(cookies accepteren|accepteer (alle )?cookies)"
        ),
        PRIVACY,
        ("cookie",),
    ),
    (
        compiled(
            r"\((ap|afp|reuters|getty|epa|ap/\w+)?\s*photos?\b|\bphoto(graph)? by\b|^in this .{0,80}\b(file )?photo(graph)?\b"
            r"|\(photo:|\bcredit:\s|/ ?getty images|\(getty images\)|\(image: |\bfile photo\b|\bphotos? ©"
            r"|\((photo|foto|fotos|bild|bilder|imagen|immagine|crédit photo) ?:"
        ),
        CAPTION,
        None,
    ),
    (
        compiled(
            r"(may|might|could) (earn|receive|get) (a |an )?(small )?(affiliate )?(commission|share of|amount of money)|affiliate (links?|commission)"
            r"|registered trademarks? of|consult your (physician|doctor) |the information (provided )?on this (web)?site|^disclaimer\b"
        ),
        FOOTER,
        None,
    ),
    (compiled(r"^as you comment\b|commenting (policy|guidelines)|our goal with (article )?comments"), COMMENTS, None),
    (
        # a newsletter's footer: why the reader gets it and how to stop it
        compiled(
            r"\byou('re| are) receiving this\b|\byou (received|got|are getting|'re getting) this (e-?mail|message|newsletter)\b"
            r"|\b(unsubscribe|opt out) (here|from (this|our|these|all) (list|e-?mails?|mailings?|newsletters?))"
            r"|\b(update|manage) (your )?(e-?mail |subscription |mailing )?preferences\b|\bno longer (wish|want) to receive\b"
        ),
        NEWSLETTER,
        None,
    ),
    (
        # a newsletter's footer in German, French, Spanish, Portuguese, Italian and Dutch, tried only on a text with one of
        # their verbs of receiving in it
        compiled(
            r"\b(sie erhalten|du erhältst) (diese|diesen) (e-?mail|nachricht|newsletter)|\bnicht mehr (erhalten|empfangen) (möchten|möchtest|wollen)"
            r"|\bnewsletter abbestellen|\bvous recevez (cet e-?mail|ce message|cette (newsletter|lettre))|\bne (plus|souhaitez plus|voulez plus) recevoir"
            r"|\b(recibes|recibe|estás recibiendo|está recibiendo|has recibido|ha recibido) este (correo|e-?mail|mensaje|boletín)|\bno (deseas|desea|quieres|quiere) recibir más"
            r"|\b(você )?(está recebendo|recebeu) (este|esta) (e-?mail|mensagem|newsletter)|\bnão (deseja|quiser|quer) mais receber"
            r"|\b(ricevi|hai ricevuto|stai ricevendo) questa (e-?mail|mail|newsletter|comunicazione)|\bnon (desideri|vuoi|desidera) più ricevere"
            r"|\b(je ontvangt|u ontvangt) deze (e-?mail|nieuwsbrief|mail)|\b(niet langer|niet meer) ontvangen"
        ),
        NEWSLETTER,
        ("rhalt", "rhält", "mpfang", "abbestell", "recev", "recib", "receb", "ricev", "ontvang"),
    ),
)


# Words one of which must be in a text before its pattern is tried (None: always try); a cheap gate
# that keeps the regexes off ordinary prose.
_TRIGGERS: tuple[tuple[str, ...] | None, ...] = (
    None,
    None,
    ("sign up", "subscri", "newsletter", "inbox", "mail address", "opt", "enjoyed", "liked", "abonn", "abmeld", "abonnez",
     "désabonn", "désinscri", "inscri", "inscrev", "suscr", "baja", "iscriv", "assine", "afmeld", "uitschrijv"),
    ("comment", "discussion", "conversation", "reply", "guidelines", "comentári", "comentari", "commenti", "kommentar", "deixe", "reacties", "reactie",
     "(required)", "(will not be published)",
     "deja", "lascia", "schreibe", "laiss"),
    ("share", "tweet", "pin it", "email", "print", "size", "reprint", "save", "click", "facebook", "twitter", "whatsapp",
     "linkedin", "pinterest", "listen", "enlarge", "teilen", "partag", "compart", "condivid", "delen", "drucken", "imprim", "stampa"),
    None,
    None,
    ("©", "(c)", "copyright", "rights reserved", "rechte vorbehalten", "droits réservés", "derechos reservados",
     "direitos reservados", "diritti riservati", "rechten voorbehouden"),
    ("privacy", "cookie", "terms", "do not sell", "personal information", "datenschutz", "impressum", "nutzungsbedingungen",
     "confidentialit", "mentions l", "privacidad", "aviso legal", "privacidade"),
    ("advert", "sponsor", "choices", "click here", "anzeige", "werbung", "publicit", "publicidad", "pubblicit", "advertentie"),
    ("trademark", "download", "get the", "follow us", "disclaimer", "folge", "suivez", "síguenos", "siga-nos", "seguici", "volg ons"),
    ("min", "read", "lesezeit", "lecture", "lectura", "lettura", "leitura", "ago"),
    ("mail", "write to", "contact", "follow", "by", "contributed"),
)
_GATES = [re.compile("|".join(map(re.escape, t))) if t else None for t in _TRIGGERS]


@functools.lru_cache(maxsize=131072)
def text_reason(text: str) -> str | None:
    """The boilerplate reason a short text matches, or None."""
    lowered = text.lower()
    for (pattern, reason), gate in zip(TEXT_PATTERNS, _GATES):
        if gate is not None and not gate.search(lowered):
            continue
        if pattern.search(text):
            return reason
    return long_reason(text)


_LONG_GATE = re.compile(
    # the words grouped by their first letter: the regex engine tries every alternative at every place of the text, so
    # one alternative per first letter keeps this test (run on nearly every line) cheap as words are added
    r"c(?:ookie|redit|ommission|onsult|omment)|non-commercial|p(?:hoto|artners|references)|g(?:etty|etting this|ot this)"
    r"|i(?:mage|nformation)|a(?:ffiliate|mount of money|bbestell)|trademark|disclaimer|vendors|unsubscri|o(?:pt out|ntvang)"
    # receiving in English, French, Spanish, Portuguese, Italian, Dutch and German ("erhalten", "empfangen"), "(Foto:"
    r"|r(?:ec(?:eiv|ev|ib|eb)|icev|halt|hält)|mpfang|\((?:foto|bild|immagine)"
)
def long_reason(text: str) -> str | None:
    """The boilerplate reason a text of any length matches, or None."""
    lowered = text.lower()
    if not _LONG_GATE.search(lowered):
        return None
    for pattern, reason, triggers in LONG_PATTERNS:
        if triggers is not None and not any(t in lowered for t in triggers):
            continue
        if pattern.search(text):
            return reason
    return None
