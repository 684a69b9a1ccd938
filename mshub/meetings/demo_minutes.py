"""The demo's minutes: for each agenda item, exchanges as a report records them (Q, then its A; or a C).

Each item has its own discussion; the first exchange of an item is always recorded, one more is
drawn per meeting, so the four past meetings do not read alike. Every exchange keeps its order: an
answer follows the question it answers. Keys are the agenda items' English titles.
"""

from __future__ import annotations

import random

# (kind, ja, en)
Entry = tuple[str, str, str]
Exchange = tuple[Entry, ...]

EXCHANGES: dict[str, list[Exchange]] = {
    "Latest on UN digital cooperation": [
        (
            (
                "Q",
                "グローバル・デジタル・コンパクトの交渉に非政府ステークホルダーはどう関われたのか。",
                "How could non-governmental stakeholders take part in negotiating the Global Digital Compact?",
            ),
            (
                "A",
                "交渉は政府間で行われたが、意見募集と公開の協議が二度あり、提出意見の一部は文言に反映された。",
                "Governments negotiated, but there were a call for comments and two open consultations, "
                "and some submissions made it into the text.",
            ),
        ),
        (
            (
                "Q",
                "新しい枠組みとIGFの役割分担はどうなるのか。",
                "How will the new framework and the IGF divide the work?",
            ),
            (
                "A",
                "IGFはフォローアップの場の一つと位置づけられた。具体的な手続きは来年の決議で決まる見込み。",
                "The IGF is named as one place for follow-up; the details are expected in next year's resolution.",
            ),
            (
                "C",
                "国内の議論を早めにまとめ、意見書として出せるよう準備しておくべきだ。",
                "We should pull our own discussion together early, ready to submit as a position paper.",
            ),
        ),
        (
            (
                "C",
                "国連の文書は英語でしか出ないことが多い。要点の日本語訳を事務局で共有してもらえると助かる。",
                "UN documents often appear only in English; a Japanese summary from the secretariat would help.",
            ),
        ),
        (
            ("Q", "日本政府の立場は公表されているのか。", "Has the Japanese government's position been published?"),
            (
                "A",
                "提出文書はウェブで公開されている。マルチステークホルダーの原則を支持する内容だった。",
                "Its submission is on the web; it supports the multistakeholder principle.",
            ),
        ),
    ],
    "Looking back at the annual IGF": [
        (
            (
                "Q",
                "今年の会合で日本からの参加者はどのくらいいたのか。",
                "How many participants came from Japan this year?",
            ),
            (
                "A",
                "現地参加は約40名で、昨年より増えた。オンライン参加を含めると倍近くになる。",
                "About forty on site, more than last year; counting remote participants, nearly twice that.",
            ),
        ),
        (
            (
                "C",
                "セッションの数が多すぎて全体像がつかみにくい。報告会のような場は貴重だ。",
                "There are so many sessions that the whole is hard to see; report-back meetings like this are valuable.",
            ),
        ),
        (
            ("Q", "来年の開催地と日程は決まっているのか。", "Are next year's host and dates known?"),
            (
                "A",
                "開催国は発表されたが、日程は未定。決まり次第メーリングリストで知らせる。",
                "The host country is announced, the dates are not; the list will be told as soon as they are.",
            ),
        ),
    ],
    "Overview": [
        (
            ("Q", "メインテーマはどのように選ばれたのか。", "How was the main theme chosen?"),
            (
                "A",
                "年初の意見募集で集まった提案を、多様なステークホルダーからなる諮問グループが絞り込んだ。",
                "The multistakeholder advisory group narrowed down the proposals from the call for issues at "
                "the start of the year.",
            ),
        ),
        (
            ("Q", "ユース参加者はどの程度いたのか。", "How many young participants were there?"),
            (
                "A",
                "全体の約2割で、前年より増えている。ユースが企画したセッションも多かった。",
                "About a fifth, more than the year before; young people also organised many sessions.",
            ),
        ),
        (
            (
                "C",
                "成果文書が「メッセージ」の形にまとまったのは、持ち帰って使いやすく良かった。",
                "Summing up the outcome as short messages made it easy to bring home and use.",
            ),
        ),
    ],
    "Security sessions": [
        (
            (
                "Q",
                "CSIRT間の国際協力について具体的な進展はあったのか。",
                "Was there concrete progress on international cooperation between CSIRTs?",
            ),
            (
                "A",
                "インシデント情報の共有様式を揃える提案があり、次回までに試行結果を持ち寄ることになった。",
                "There was a proposal to align formats for sharing incident information; trial results are due "
                "at the next meeting.",
            ),
        ),
        (
            (
                "Q",
                "IoT機器の製造者に対する規制の議論はあったか。",
                "Was regulating the makers of IoT devices discussed?",
            ),
            (
                "A",
                "認証制度の検討が各国で始まっている。初期パスワードの禁止は多くの国で合意がある。",
                "Several countries are looking at certification; banning default passwords has broad support.",
            ),
            (
                "C",
                "国内の認証制度の状況も次回紹介してほしい。",
                "We would like to hear about the domestic certification scheme next time.",
            ),
        ),
        (
            (
                "C",
                "国家間の行動規範の議論は国連の作業部会と重なっている。両方を追う必要がある。",
                "The talks on norms for states overlap with the UN working group; we need to follow both.",
            ),
        ),
    ],
    "The private sector's view": [
        (
            ("Q", "企業の参加が少ないのはなぜだと思うか。", "Why do you think so few companies take part?"),
            (
                "A",
                "成果が事業にどう結びつくか見えにくいからだ。具体的な規制の議論がある場には企業も来る。",
                "Because it is hard to see what it means for business; companies do come where concrete "
                "regulation is discussed.",
            ),
        ),
        (
            (
                "C",
                "業界団体を通じて会合の案内を出せば、参加者を増やせるのではないか。",
                "Announcing meetings through industry associations might bring more participants.",
            ),
        ),
        (
            (
                "Q",
                "AIの規制について企業側はどのような意見を出していたか。",
                "What did businesses say about regulating AI?",
            ),
            (
                "A",
                "国ごとに規則が異なることへの懸念が強く、相互運用可能な枠組みを求める声が多かった。",
                "They worry most about rules differing by country, and many asked for interoperable frameworks.",
            ),
        ),
    ],
    "Civil society's view": [
        (
            (
                "Q",
                "インターネット遮断に関するセッションではどのような事例が報告されたか。",
                "What cases were reported in the session on Internet shutdowns?",
            ),
            (
                "A",
                "選挙や試験の期間に地域を限って遮断する例が増えている。測定データを共有する取り組みも紹介された。",
                "Shutdowns limited to regions during elections or exams are increasing; a project sharing "
                "measurement data was presented.",
            ),
        ),
        (
            (
                "C",
                "市民社会の参加者は渡航費の確保が難しい。遠隔参加の質を上げることが公平性につながる。",
                "Civil-society participants struggle to pay for travel; better remote participation makes it fairer.",
            ),
        ),
        (
            ("Q", "ジェンダーの観点からの議論はあったか。", "Was there discussion from a gender perspective?"),
            (
                "A",
                "オンラインでの嫌がらせへの対策と、登壇者の男女比の改善が議題になった。",
                "Online harassment and a better balance of women and men among speakers were on the agenda.",
            ),
        ),
    ],
    "Report from the regional IGF": [
        (
            (
                "Q",
                "地域IGFで日本からの提案は採択されたのか。",
                "Were any proposals from Japan accepted at the regional IGF?",
            ),
            (
                "A",
                "ワークショップが一件採択された。防災と通信をテーマにしたもので、会場は満席だった。",
                "One workshop was accepted, on disasters and communications, and the room was full.",
            ),
        ),
        (
            (
                "C",
                "地域の会合は国際会合より発言しやすい。若手を送り出す場として活用したい。",
                "Regional meetings are easier to speak up in than global ones; let us use them to send younger people.",
            ),
        ),
        (
            (
                "Q",
                "多言語化、特に国際化ドメイン名の普及について議論はあったか。",
                "Was multilingualism, especially the take-up of internationalised domain names, discussed?",
            ),
            (
                "A",
                "メールアドレスでの利用がまだ進んでいないことが課題として挙がった。",
                "Their use in email addresses was named as the problem that remains.",
            ),
        ),
    ],
    "Data flows and cross-border regulation": [
        (
            (
                "Q",
                "ゼロレーティング[^1]に関する各国の規制はどう変わっているか。",
                "How is the regulation of zero rating[^1] changing?",
            ),
            (
                "A",
                "慎重な姿勢の国が多いが、アクセス拡大の手段として評価する声もある。",
                "Many countries are cautious, but some see it as a way to widen access.",
            ),
            (
                "C",
                "日本の事例も整理して、国際的な議論に発信していくべきだ。",
                "We should write up the Japanese cases and bring them to the international discussion.",
            ),
        ),
        (
            (
                "Q",
                "データの越境移転の新しい規則は日本企業にいつから影響するのか。",
                "When will the new rules on cross-border data transfers affect Japanese companies?",
            ),
            (
                "A",
                "来年の適用開始からである。域外適用があるため、現地に利用者を持つ企業は準備が必要。",
                "From when they apply next year; as they reach beyond the region, companies with users there "
                "must prepare.",
            ),
        ),
        (
            (
                "Q",
                "データローカライゼーションを求める国は増えているのか。",
                "Are more countries requiring data localisation?",
            ),
            (
                "A",
                "増えている。安全保障や産業政策を理由に挙げる例が多い。",
                "Yes, more of them, mostly citing security or industrial policy.",
            ),
        ),
    ],
    "Themes for the next meeting": [
        (
            (
                "C",
                "次回は生成AIとインターネットガバナンスを取り上げてはどうか。",
                "Next time we could take up generative AI and Internet governance.",
            ),
            (
                "Q",
                "その場合、どの分野の登壇者を想定しているか。",
                "In that case, speakers from which fields do you have in mind?",
            ),
            (
                "A",
                "企業と研究者に加え、利用者の立場から市民社会にも話してもらいたい。",
                "Companies and researchers, and civil society to speak for users.",
            ),
        ),
        (
            (
                "C",
                "開催の告知をもう少し早くしてほしい。一か月前には知りたい。",
                "Please announce meetings earlier; a month ahead would help.",
            ),
        ),
        (
            (
                "Q",
                "意見募集の締め切りが近いものを会合で扱えないか。",
                "Could meetings cover calls for comments whose deadlines are near?",
            ),
            (
                "A",
                "事務局の動向報告に締め切り順の一覧を加える。必要なら意見書の準備も呼びかける。",
                "The secretariat will add a list by deadline to its briefing, and call for a position paper "
                "where needed.",
            ),
        ),
    ],
}


def minutes_for(title_en: str, rng: random.Random) -> list[Entry]:
    """One meeting's discussion of an item: its first exchange and one more drawn from the rest."""
    exchanges = EXCHANGES.get(title_en, [])
    if not exchanges:
        return []
    chosen = [exchanges[0], *rng.sample(exchanges[1:], min(1, len(exchanges) - 1))]
    return [entry for exchange in chosen for entry in exchange]
