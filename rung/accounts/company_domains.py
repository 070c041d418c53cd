"""The employers whose mail domains Rung knows from the start (operators add more in the admin).

Each entry: domain, the company's name as a verified member shows it, and the slug of the
ladder's company (rung/ladder/company_levels.py) when Rung lists its levels.
"""

STARTER: list[tuple[str, str, str]] = [
    ("meta.com", "Meta", "meta"),
    ("fb.com", "Meta", "meta"),
    ("google.com", "Google", "google"),
    ("amazon.com", "Amazon", "amazon"),
    ("microsoft.com", "Microsoft", "microsoft"),
    ("apple.com", "Apple", "apple"),
    ("netflix.com", "Netflix", "netflix"),
    ("pinterest.com", "Pinterest", ""),
    ("stripe.com", "Stripe", ""),
    ("airbnb.com", "Airbnb", ""),
    ("uber.com", "Uber", "uber"),
    ("linkedin.com", "LinkedIn", ""),
    ("nvidia.com", "NVIDIA", ""),
    ("salesforce.com", "Salesforce", ""),
    ("oracle.com", "Oracle", ""),
    ("bytedance.com", "ByteDance", "bytedance"),
    ("alibaba-inc.com", "Alibaba", "alibaba"),
    ("tencent.com", "Tencent", "tencent"),
    ("baidu.com", "Baidu", "baidu"),
    ("meituan.com", "Meituan", "meituan"),
    ("jd.com", "JD", ""),
    ("huawei.com", "Huawei", "huawei"),
    ("xiaomi.com", "Xiaomi", ""),
    ("pinduoduo.com", "PDD", ""),
    ("kuaishou.com", "Kuaishou", ""),
    ("didiglobal.com", "DiDi", ""),
    ("netease.com", "NetEase", ""),
    ("antgroup.com", "Ant Group", ""),
]


def starter_domains_add(apps: object) -> None:
    """Add the starter mappings that are not there yet (a migration's historical models)."""
    CompanyDomain = apps.get_model("accounts", "CompanyDomain")  # type: ignore[attr-defined]
    Company = apps.get_model("ladder", "Company")  # type: ignore[attr-defined]
    companies = {company.slug: company for company in Company.objects.all()}
    known = set(CompanyDomain.objects.values_list("domain", flat=True))
    CompanyDomain.objects.bulk_create(
        CompanyDomain(domain=domain, company_name=name, company=companies.get(slug))
        for domain, name, slug in STARTER
        if domain not in known
    )
