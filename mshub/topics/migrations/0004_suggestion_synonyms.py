"""Topic suggestions (docs/topics.md, "Suggestions") match names and synonyms: the seed's synonyms grew
where the labelled set showed what a secretariat writes. Forums seeded before get the new synonyms on
the topics whose synonyms are still exactly the old seed's (a secretariat's edits stay)."""

from django.db import migrations
from django.utils import timezone

# code: ((old Japanese, old English), (new Japanese, new English)), one synonym a line.
CHANGES = {
    'dns': (('ドメインネーム\nドメイン名\nネームサーバ', 'domain names\nDomain Name System'), ('ドメインネーム\nドメイン名\nネームサーバ\nDNSSEC\ngTLD\nWHOIS\nKSK\nルートサーバ', 'domain names\nDomain Name System\nDNSSEC\ngTLD\nWHOIS\nKSK\nroot servers')),
    'cybercrime': (('ネット犯罪\nブダペスト条約', 'online crime\nBudapest Convention'), ('ネット犯罪\nブダペスト条約\nランサムウェア\nフィッシング', 'online crime\nBudapest Convention\nransomware\nphishing')),
    'cyber-norms': (('サイバー空間の規範\n国連GGE', 'norms of responsible state behaviour\nUN GGE\nOEWG'), ('サイバー空間の規範\n国連GGE\nOEWG', 'norms of responsible state behaviour\nUN GGE\nOEWG\nGroup of Governmental Experts')),
    'csirt': (('CERT\nインシデント対応チーム', 'CERTs\nincident response teams'), ('CERT\nインシデント対応チーム\nJPCERT/CC', 'CERTs\nincident response teams\nJPCERT/CC')),
    'digital-trade': (('越境データ流通\nDFFT', 'cross-border data flows\nData Free Flow with Trust'), ('越境データ流通\nDFFT\n貿易協定', 'cross-border data flows\nData Free Flow with Trust\ntrade agreements')),
    'privacy': (('個人情報\nデータ保護', 'data protection\npersonal data\nGDPR'), ('プライバシー\n個人情報\nデータ保護\n忘れられる権利', 'privacy\ndata protection\npersonal data\nGDPR\nright to be forgotten')),
    'freedom-of-expression': (('言論の自由\n検閲', 'free speech\ncensorship'), ('言論の自由\n検閲\nインターネット遮断\nブロッキング', 'free speech\ncensorship\nInternet shutdowns\nwebsite blocking')),
    'access': (('デジタルデバイド\n接続性', 'digital divide\nconnectivity\nmeaningful access'), ('デジタルデバイド\n接続性\n途上国\nインターネットアクセス', 'digital divide\nconnectivity\nmeaningful access\ndeveloping countries\nInternet access')),
    'legal': (('法制度', 'law'), ('法制度', 'legal framework')),
    'jurisdiction': (('裁判管轄\n域外適用', 'extraterritoriality\napplicable law'), ('裁判管轄\n域外適用', 'extraterritoriality\nextraterritorial\napplicable law')),
    'content': (('コンテンツモデレーション\n偽情報', 'content moderation\ndisinformation\nonline harms'), ('コンテンツモデレーション\n偽情報\n有害情報', 'content moderation\ndisinformation\nonline harms\nharmful content')),
    'multistakeholder': (('マルチステークホルダー・モデル\n多様な利害関係者', 'multistakeholderism\nmulti-stakeholder approach'), ('マルチステークホルダー・モデル\n多様な利害関係者', 'multistakeholder\nmulti-stakeholder\nmultistakeholderism')),
}


def update(apps, schema_editor):
    Topic = apps.get_model("topics", "Topic")
    for code, ((old_ja, old_en), (new_ja, new_en)) in CHANGES.items():
        Topic.objects.filter(code=code, synonyms_ja=old_ja, synonyms_en=old_en).update(
            synonyms_ja=new_ja, synonyms_en=new_en, updated=timezone.now()
        )


class Migration(migrations.Migration):
    dependencies = [("topics", "0003_topic_tags")]

    operations = [migrations.RunPython(update, migrations.RunPython.noop)]
