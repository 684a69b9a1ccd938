"""Invented demo community (no real people or organisations).

ORGANIZATIONS rows: (key, name ja, name en, abbreviation, stakeholder group code, kind code, country, web domain).
People are combined from FAMILY and GIVEN names; TITLES are the roles they hold.
"""

# Tables read best one row a line.
# fmt: off
ORGANIZATIONS = [
    ('mdc', 'デジタル通信省', 'Ministry of Digital Communications', 'MDC', 'government', 'ministry', 'JP', 'mdc.example.jp'),
    ('nisa', '国家情報セキュリティ庁', 'National Information Security Agency', 'NISA', 'government', 'ministry', 'JP', 'nisa.example.jp'),
    ('tpo', '東都府 デジタル推進局', 'Toto Prefecture Digital Bureau', '', 'government', 'ministry', 'JP', 'toto.example.jp'),
    ('fma', '外交政策省 サイバー政策室', 'Ministry of Foreign Policy, Cyber Policy Office', 'MFP', 'government', 'ministry', 'JP', 'mfp.example.jp'),
    ('sakura', 'さくらネット株式会社', 'Sakura Net Inc.', '', 'private-sector', 'company', 'JP', 'sakuranet.example.jp'),
    ('kaze', '風見テレコム株式会社', 'Kazami Telecom Corporation', '', 'private-sector', 'company', 'JP', 'kazami.example.jp'),
    ('hikari', 'ひかりクラウド株式会社', 'Hikari Cloud K.K.', '', 'private-sector', 'company', 'JP', 'hikari.example.jp'),
    ('nagare', 'ながれ決済株式会社', 'Nagare Payments Co., Ltd.', '', 'private-sector', 'company', 'JP', 'nagare.example.jp'),
    ('jbia', '日本ブロードバンド産業協会', 'Japan Broadband Industry Association', 'JBIA', 'private-sector', 'industry-association', 'JP', 'jbia.example.jp'),
    ('asoc', 'アジア通信事業者連盟', 'Asian Carriers Federation', 'ACF', 'private-sector', 'industry-association', 'SG', 'acf.example.org'),
    ('cdr', '市民デジタル権利ネットワーク', "Citizens' Digital Rights Network", 'CDRN', 'civil-society', 'nonprofit', 'JP', 'cdrn.example.org'),
    ('youth', 'ユースIGFジャパン', 'Youth IGF Japan', 'YIGF-J', 'civil-society', 'nonprofit', 'JP', 'youthigf.example.org'),
    ('access', 'アクセス・フォー・オール', 'Access for All', 'AFA', 'civil-society', 'nonprofit', 'JP', 'afa.example.org'),
    ('consumer', '全国消費者ネット協議会', 'National Consumer Net Council', 'NCNC', 'civil-society', 'nonprofit', 'JP', 'ncnc.example.org'),
    ('privacy', 'プライバシー・フォーラム東京', 'Privacy Forum Tokyo', 'PFT', 'civil-society', 'nonprofit', 'JP', 'pft.example.org'),
    ('nic', '日本ネットワーク資源センター', 'Japan Network Resource Center', 'JNRC', 'technical-community', 'registry', 'JP', 'jnrc.example.jp'),
    ('cert', '日本インシデント対応チーム連絡会', 'Japan Incident Response Teams Council', 'JIRT', 'technical-community', 'nonprofit', 'JP', 'jirt.example.jp'),
    ('ixp', '東京インターネット交換所', 'Tokyo Internet Exchange', 'TIX', 'technical-community', 'company', 'JP', 'tix.example.jp'),
    ('dnsops', 'DNS運用者会議', 'DNS Operators Meeting', 'DNSOM', 'technical-community', 'nonprofit', 'JP', 'dnsom.example.jp'),
    ('isoc', 'インターネット技術協会', 'Internet Technology Society', 'ITS', 'technical-community', 'nonprofit', 'JP', 'its.example.jp'),
    ('apnet', 'アジア太平洋ネットワーク運用者会議', 'Asia-Pacific Network Operators Forum', 'APNOF', 'technical-community', 'nonprofit', 'AU', 'apnof.example.org'),
    ('todai', '東都大学 情報学研究科', 'Toto University, Graduate School of Informatics', '', 'academia', 'university', 'JP', 'toto-u.example.ac.jp'),
    ('kita', '北辰大学 法学部', 'Hokushin University, Faculty of Law', '', 'academia', 'university', 'JP', 'hokushin.example.ac.jp'),
    ('nii', '国立ネットワーク政策研究所', 'National Institute for Network Policy', 'NINP', 'academia', 'university', 'JP', 'ninp.example.jp'),
    ('keio', 'みなと情報大学', 'Minato University of Information', '', 'academia', 'university', 'JP', 'minato-u.example.ac.jp'),
    ('itu', '国際電気通信調整機関', 'International Telecommunication Coordination Body', 'ITCB', 'intergovernmental', 'international', 'CH', 'itcb.example.int'),
    ('oecd', '経済政策協力機構 デジタル部会', 'Organisation for Economic Policy Cooperation, Digital Committee', 'OEPC', 'intergovernmental', 'international', 'FR', 'oepc.example.int'),
    ('apt', 'アジア太平洋情報通信共同体', 'Asia-Pacific ICT Community', 'APIC', 'intergovernmental', 'international', 'TH', 'apic.example.int'),
    ('unit', '国連デジタル協力室', 'UN Digital Cooperation Unit (fictional)', 'UNDCU', 'intergovernmental', 'international', 'US', 'undcu.example.int'),
    ('shimbun', '日刊テック新聞', 'Daily Tech Shimbun', '', 'media', 'media-outlet', 'JP', 'techshimbun.example.jp'),
    ('netwatch', 'ネットウォッチ編集部', 'NetWatch Editorial', '', 'media', 'media-outlet', 'JP', 'netwatch.example.jp'),
    ('broadcast', 'みらい放送 報道局', 'Mirai Broadcasting, News Division', '', 'media', 'media-outlet', 'JP', 'mirai-tv.example.jp'),
    ('indie', '個人(所属なし)', 'Independent', '', 'individual', 'other', 'JP', ''),
    ('law', '青葉法律事務所', 'Aoba Law Office', '', 'private-sector', 'company', 'JP', 'aoba-law.example.jp'),
    ('idc', '北国データセンター株式会社', 'Kitaguni Data Center Inc.', '', 'private-sector', 'company', 'JP', 'kitaguni.example.jp'),
    ('sec', 'しらかばセキュリティ株式会社', 'Shirakaba Security Co.', '', 'private-sector', 'company', 'JP', 'shirakaba.example.jp'),
]

# Task force workspace (second, private forum): its own records of a few of the same bodies.
TASKFORCE_ORGANIZATIONS = [
    ("tf-" + row[0], *row[1:]) for row in ORGANIZATIONS if row[0] in {"mdc", "nic", "cdr", "hikari", "todai"}
]

FAMILY = [
    ('青山', 'あおやま', 'Aoyama'),
    ('石川', 'いしかわ', 'Ishikawa'),
    ('上田', 'うえだ', 'Ueda'),
    ('遠藤', 'えんどう', 'Endo'),
    ('大西', 'おおにし', 'Onishi'),
    ('加納', 'かのう', 'Kano'),
    ('北村', 'きたむら', 'Kitamura'),
    ('久保', 'くぼ', 'Kubo'),
    ('小池', 'こいけ', 'Koike'),
    ('佐久間', 'さくま', 'Sakuma'),
    ('柴田', 'しばた', 'Shibata'),
    ('須藤', 'すどう', 'Sudo'),
    ('瀬川', 'せがわ', 'Segawa'),
    ('高野', 'たかの', 'Takano'),
    ('千葉', 'ちば', 'Chiba'),
    ('土屋', 'つちや', 'Tsuchiya'),
    ('寺田', 'てらだ', 'Terada'),
    ('戸田', 'とだ', 'Toda'),
    ('中野', 'なかの', 'Nakano'),
    ('西田', 'にしだ', 'Nishida'),
    ('野口', 'のぐち', 'Noguchi'),
    ('花岡', 'はなおか', 'Hanaoka'),
    ('平林', 'ひらばやし', 'Hirabayashi'),
    ('藤井', 'ふじい', 'Fujii'),
    ('星野', 'ほしの', 'Hoshino'),
    ('真柴', 'ましば', 'Mashiba'),
    ('三好', 'みよし', 'Miyoshi'),
    ('村瀬', 'むらせ', 'Murase'),
    ('森下', 'もりした', 'Morishita'),
    ('八木', 'やぎ', 'Yagi'),
    ('湯川', 'ゆかわ', 'Yukawa'),
    ('吉岡', 'よしおか', 'Yoshioka'),
]

GIVEN = [
    ('葵', 'あおい', 'Aoi', 'female'),
    ('一真', 'かずま', 'Kazuma', 'male'),
    ('恵', 'めぐみ', 'Megumi', 'female'),
    ('健', 'けん', 'Ken', 'male'),
    ('沙織', 'さおり', 'Saori', 'female'),
    ('翔太', 'しょうた', 'Shota', 'male'),
    ('千尋', 'ちひろ', 'Chihiro', 'other'),
    ('大輔', 'だいすけ', 'Daisuke', 'male'),
    ('奈々', 'なな', 'Nana', 'female'),
    ('浩', 'ひろし', 'Hiroshi', 'male'),
    ('真理', 'まり', 'Mari', 'female'),
    ('裕子', 'ゆうこ', 'Yuko', 'female'),
    ('亮', 'りょう', 'Ryo', 'male'),
    ('和也', 'かずや', 'Kazuya', 'male'),
    ('美穂', 'みほ', 'Miho', 'female'),
    ('直樹', 'なおき', 'Naoki', 'male'),
    ('晴', 'はる', 'Haru', ''),
    ('由紀', 'ゆき', 'Yuki', 'female'),
]

TITLES = [
    ('課長補佐', 'Deputy Director'),
    ('主任研究員', 'Senior Researcher'),
    ('部長', 'General Manager'),
    ('理事', 'Board Member'),
    ('政策担当', 'Policy Officer'),
    ('教授', 'Professor'),
    ('准教授', 'Associate Professor'),
    ('記者', 'Reporter'),
    ('エンジニア', 'Engineer'),
    ('事務局長', 'Secretary General'),
    ('代表', 'Representative'),
]
# fmt: on
