"""More demo members and threads, so a first visit in either language finds plenty to read.

Most are Chinese threads on what engineers in China ask every week (promotion defences,
layoffs, PIPs, probation, 996, offers, on-call); a few are English threads on the same
themes (a layoff, a PIP, probation, return to office, a side project, competing offers),
so each language has its own. Every thread stays in the language it was asked in. The
``demo_content`` command loads these after the members and questions in ``data``.
"""

from rung.demo.data import _md

MORE_USERS = [
    {
        "username": "haoran",
        "display_name": "Lin Haoran",
        "headline": "资深工程师（Staff）at Alibaba Cloud, ex-Microsoft",
        "level": "staff",
        "track": "ic",
        "companies": "Alibaba Cloud, Microsoft",
        "years": 13,
        "languages": ["zh-hans", "en"],
        "bio": _md("""
            在阿里云做存储方向的技术负责人，之前在微软苏州待了六年。
            外企和国内大厂都待过，可以聊 Staff 的工作方式、跨团队推动和技术规划。
        """),
    },
    {
        "username": "qing",
        "display_name": "Wang Qing",
        "headline": "首席工程师 at Ant Group, ex-Amazon",
        "level": "principal",
        "track": "ic",
        "companies": "Ant Group, Amazon",
        "years": 18,
        "languages": ["zh-hans", "en"],
    },
    {
        "username": "tao",
        "display_name": "Guo Tao",
        "headline": "高级工程师 at Kuaishou, ex-SAP",
        "level": "senior",
        "track": "ic",
        "companies": "Kuaishou, SAP",
        "years": 8,
        "languages": ["zh-hans", "en"],
    },
    {
        "username": "jiayi",
        "display_name": "Zhao Jiayi",
        "headline": "后端工程师",
        "level": "mid-level",
        "track": "ic",
        "companies": "",
        "years": 4,
        "languages": ["zh-hans"],
    },
    {
        "username": "mingxuan",
        "display_name": "Sun Mingxuan",
        "headline": "初级工程师 at JD.com",
        "level": "junior",
        "track": "ic",
        "companies": "JD.com",
        "years": 1,
        "languages": ["zh-hans"],
    },
    {
        "username": "owen",
        "display_name": "Owen Clarke",
        "headline": "Senior Backend Engineer",
        "level": "senior",
        "track": "ic",
        "companies": "",
        "years": 7,
        "languages": ["en"],
    },
]

MORE_QUESTIONS = [
    {
        "author": "wei",
        "anonymous": False,
        "language": "zh-hans",
        "title": "Staff 晋升答辩被挂了，评委说“影响力不够”，下一次该怎么准备？",
        "body": _md("""
            上周收到结果，高级升 Staff 没过。HR 转述的评委意见只有两句：

            > 技术深度没问题，但影响力主要在本团队内，跨团队的推动体现不够。

            我去年做的主要工作：

            - 推荐召回链路重构，P99 延迟从 120ms 降到 45ms，机器成本省了大约 30%。
            - 带两个同学做了特征平台的一期。
            - 组里的 on-call 手册和故障复盘流程是我建起来的。

            答辩时我花了一大半时间讲召回重构的技术细节，现在回头看可能方向就错了。

            想问问答过辩、或者当过评委的朋友：

            1. “影响力不够”具体指什么？是做的事不够大，还是我没讲出来？
            2. 离下个晋升窗口还有半年，这半年该主动找什么样的事情做？
            3. 要不要跟 leader 要一次评委的详细反馈？会不会显得不服气？
        """),
        "topics": ["senior", "staff", "promotions"],
        "days_ago": 7,
        "context": {
            "level": "senior",
            "years": 7,
            "company": "ByteDance",
            "scale": None,
            "ratings": {},
            "focus": "第一次冲 Staff 失败，评委反馈是跨团队影响力不足。",
            "feedback_wanted": "下一个周期该做什么样的项目，以及答辩材料该怎么改。",
        },
        "likers": ["liyang", "tao", "xiaoyu", "haoran", "mei", "jiayi"],
        "answers": [
            {
                "author": "haoran",
                "body": _md("""
                    我当过几次评委，说一下评委视角。“影响力不够”十次里有七次是两件事混在一起：
                    **事情本身的范围偏小**，加上**材料没有把范围讲出来**。你的情况我猜两者都有。

                    先说材料。召回重构是好项目，但你讲的是“我把它做快了”，评委想听的是：

                    - 这件事为什么只有你能推动？涉及哪些团队，他们一开始是什么态度？
                    - 你做了哪些取舍，哪些是你拍板的？
                    - 除了你们组，谁因为这件事受益？比如省下的 30% 机器给了谁用。

                    技术细节最多留三分之一的篇幅，剩下的讲判断和推动。

                    再说这半年。特征平台一期是你最好的抓手：平台天然是跨团队的。
                    建议你主动把二期做成“多个业务方接入”的形态，拉两三个兄弟团队进来，
                    定一个大家认的接入标准。半年后你能讲的就是“三个团队的特征都跑在我设计的平台上”，
                    这就是评委要的跨团队影响力。
                """),
                "days_ago": 6,
                "helpful": True,
                "likers": ["wei", "tao", "liyang", "mei"],
                "replies": [
                    {
                        "author": "wei",
                        "body": _md("""
                            “省下的机器给了谁用”这个点我完全没想过。
                            确实有两个兄弟团队拿到了那批资源，答辩时一个字都没提。
                        """),
                        "days_ago": 6,
                    },
                    {
                        "author": "haoran",
                        "body": _md("""
                            对，这种就是现成的证据。找那两个团队的负责人聊一下，
                            下次请他们做你的同行评价人，比你自己讲有说服力得多。
                        """),
                        "days_ago": 5,
                    },
                ],
            },
            {
                "author": "zhou",
                "body": _md("""
                    从 leader 的角度回答第三个问题：一定要主动去要反馈，而且要尽快，
                    评委的印象过一两个月就模糊了。

                    别问“我为什么没过”，这样问对方只能给你官话。换个问法：

                    > 如果半年后再答辩，评委最希望在材料里看到哪一两件事？

                    这是在要建议，不是在申诉，没人会觉得你不服气。
                    拿到反馈后跟 leader 一起定两三个可以验证的目标，写下来，
                    每个月对一次。下次提名时，leader 手里也有东西可以替你说话。
                """),
                "days_ago": 5,
                "helpful": False,
                "likers": ["wei", "xiaoyu"],
                "replies": [],
            },
        ],
    },
    {
        "author": "jiayi",
        "anonymous": False,
        "language": "zh-hans",
        "title": "被裁员了，拿到 N+1，接下来一个月应该怎么安排？",
        "body": _md("""
            上周五下午被约谈，整个业务线撤掉，我在名单里。补偿是 N+1，社保交到月底。

            我的情况：

            - 后端开发，四年经验，主要写 Go 和一点 Java，做的是电商营销系统。
            - 有房贷，存款够撑大概六个月。
            - 被裁之后心态有点崩，这几天什么都不想干。

            想请教有经验的朋友：

            1. 要不要先休息一段时间再找工作？空窗期多久会影响面试？
            2. 面试时被问“为什么离职”，怎么说比较好？
            3. 这一个月的时间怎么安排效率最高？
        """),
        "topics": ["mid-level", "interviewing"],
        "days_ago": 45,
        "context": {
            "level": "mid-level",
            "years": 4,
            "company": "",
            "scale": None,
            "ratings": {},
            "focus": "业务线整体被裁后，尽快找到下一份工作，同时稳住心态和现金流。",
            "feedback_wanted": "第一个月的具体安排，以及面试中怎么讲被裁这件事。",
        },
        "likers": ["liyang", "xiaoyu", "tao", "mingxuan", "wei"],
        "answers": [
            {
                "author": "tao",
                "body": _md("""
                    我前年也经历过一次整组被裁，分享一下当时的做法。

                    **第一周：处理手续，允许自己难受。**
                    确认离职证明、补偿到账时间、社保公积金怎么续（找代缴或者尽快入职新公司），
                    年假没休完的折算有没有算进去。这些事情拖着会一直占着脑子。

                    **第二周：整理材料。**
                    简历按“项目 - 你的角色 - 结果数字”重写一遍，营销系统最好讲清楚
                    QPS、大促峰值、你做的关键设计。
                    同时把 LeetCode 和八股捡起来，每天两三个小时就够。

                    **第三、四周：先投“练手”的公司。**
                    别一上来就投最想去的，先面两三家意向一般的，把自我介绍和项目讲顺了再说。

                    空窗期两三个月以内，面试官基本不会在意，尤其现在大家都知道行情。
                """),
                "days_ago": 44,
                "helpful": True,
                "likers": ["jiayi", "liyang", "mingxuan"],
                "replies": [
                    {
                        "author": "jiayi",
                        "body": _md("""
                            谢谢，列成清单之后心里踏实多了。年假折算确实没算，已经去找 HR 了。
                        """),
                        "days_ago": 43,
                    },
                ],
            },
            {
                "author": "zhou",
                "body": _md("""
                    补充“为什么离职”怎么回答。我面试候选人时，最怕听到的是抱怨前公司。
                    最好的回答是**简短、事实、往前看**：

                    > 公司调整，我所在的营销业务线整体关停，团队都解散了。
                    这段时间我也在想下一步，希望去一个业务更稳定、能继续做高并发系统的团队。

                    两三句讲完，然后把话题转到你想做什么。业务线整体关停不是你的问题，
                    面试官听到这个反而会放心，因为不是绩效原因。

                    另外，前同事是现在最好的内推渠道，被裁的同事各自找到新工作后互相推，
                    成功率比海投高得多。建个群，别不好意思。
                """),
                "days_ago": 42,
                "helpful": False,
                "likers": ["jiayi", "wei", "tao"],
                "replies": [],
            },
        ],
    },
    {
        "author": "liyang",
        "anonymous": True,
        "language": "zh-hans",
        "title": "被 leader 约谈进绩效改进计划（PIP），还有救吗？",
        "body": _md("""
            昨天 1:1 的时候 leader 说要给我做一个为期两个月的绩效改进计划（PIP），
            HR 也在场，给了一份文档，里面写了三个目标：

            1. 负责的订单对账模块两个月内线上 bug 数降到每月 2 个以下。
            2. 需求按评估的排期交付，延期不超过 20%。
            3. 每周五提交周报，写清楚进度和风险。

            背景是上半年我负责的模块出了两次线上事故，有一次还影响了结算，
            加上有个需求延期了两周。年中绩效是 M-。

            现在很焦虑：

            - 听说 PIP 基本就是劝退的前奏，是不是应该直接开始找工作？
            - 如果想争取一下，这两个月应该怎么做？
            - 这个时候跳槽，背调会不会查到？
        """),
        "topics": ["mid-level", "performance-reviews"],
        "days_ago": 11,
        "context": {
            "level": "mid-level",
            "years": 3,
            "company": "",
            "scale": "e-m-i",
            "ratings": {"impact": "M-", "technical-skills": "M", "teamwork": "M"},
            "focus": "被放进为期两个月的 PIP，目标是降低线上 bug 和按时交付。",
            "feedback_wanted": "判断 PIP 还有没有机会通过，以及这两个月具体怎么做。",
        },
        "likers": ["jiayi", "xiaoyu", "mingxuan"],
        "answers": [
            {
                "author": "zhou",
                "body": _md("""
                    我做管理这几年发起过两次 PIP，一次通过了，一次没通过。说点实在的。

                    **先判断这是哪一种 PIP。** 看三个信号：目标是不是具体可衡量（你的是）、
                    leader 有没有约定每周的检查点、有没有给你配资源（比如 code review 加严、
                    排期时留 buffer）。三个都有，通常是真心想让你改；目标模糊、没人跟进，
                    那往往是走流程。

                    **如果想争取：**

                    - 第一周就主动约一个每周 30 分钟的 check-in，别等 leader 来找你。
                    - 对账模块先做一次 bug 复盘，把过去半年的问题归类，
                      大概率集中在两三个地方，补测试、加对账告警，先把出血点止住。
                    - 排期时把风险提前讲，宁可第一天说“这个要五天”，也别第四天说“要延期”。
                    - 周报里写数字：本周 bug 数、进度百分比、风险和应对。

                    **同时准备简历不丢人。** 两件事可以并行。背调一般只问在职时间、岗位和离职原因，
                    PIP 本身很少会被查到，但离职原因要讲得一致。
                """),
                "days_ago": 10,
                "helpful": True,
                "likers": ["jiayi", "wei", "xiaoyu"],
                "replies": [
                    {
                        "author": "liyang",
                        "body": _md("""
                            对照了一下，三个信号都有，leader 还主动说每周二一起过一次进度。
                            先按争取的方向来，简历也同步更新。
                        """),
                        "days_ago": 9,
                    },
                ],
            },
            {
                "author": "wei",
                "body": _md("""
                    补充一个技术上的建议：对账类模块的 bug，很多来自边界条件没覆盖，
                    比如跨天、部分退款、重复回调。花两三天把历史事故的 case 全部写成
                    回归测试，再加一个每天跑的离线对账脚本，差异超过阈值就告警。

                    这样做一是真能降 bug，二是 PIP 结束时你可以拿出“测试覆盖率从多少到多少、
                    自动发现了几个问题”，比“这两个月没出事”有说服力得多。
                """),
                "days_ago": 9,
                "helpful": False,
                "likers": ["liyang", "jiayi"],
                "replies": [],
            },
        ],
    },
    {
        "author": "jiayi",
        "anonymous": False,
        "language": "zh-hans",
        "title": "手上三个 offer：大厂、外企、创业公司，应该怎么选？",
        "outcome": {
            "kind": "offer_accepted",
            "note": _md("""
                最后选了外企。按大家说的把三家的总包折成四年算了一遍，差距没有想象中大；
                又找外企组里的人聊了一次，确认业务线今年有预算、不在收缩，就定了。
            """),
            "days_ago": 0,
        },
        "body": _md("""
            被裁之后找了一个多月，现在手上有三个后端 offer，想请大家帮我参谋一下。
            刚被裁过，我很在意稳定性；同时想继续在技术上成长，不想只做 CRUD。
            大厂 HR 说三天内要答复。

            | | 大厂 A | 外企 B | 创业公司 C |
            |---|---|---|---|
            | 年包 | 48 万 | 42 万 | 38 万 + 期权 |
            | 职级 | 对标中级偏上 | Senior | 技术负责人 |
            | 加班 | 大小周，晚上九点后常见 | 基本 955 | 不确定，应该不少 |
            | 业务 | 电商核心交易 | 全球支付的中国研发中心 | B 轮 SaaS |

            该怎么比较？三天时间够吗？
        """),
        "topics": ["mid-level", "interviewing"],
        "days_ago": 2,
        "context": {
            "level": "mid-level",
            "years": 4,
            "company": "",
            "scale": None,
            "ratings": {},
            "focus": "被裁后同时拿到大厂、外企和创业公司三个 offer。",
            "feedback_wanted": "比较 offer 的方法，以及怎么争取更多考虑时间。",
        },
        "likers": ["tao", "liyang", "xiaoyu", "mingxuan", "mei"],
        "answers": [
            {
                "author": "mei",
                "body": _md("""
                    先解决时间问题：三天不够就直接跟大厂 HR 说，“我很重视这个机会，
                    还有一家流程在收尾，希望能在下周三前答复”。多要三到五天非常常见，
                    不会因此收回 offer。

                    比较方法，我建议把每个 offer 都折算成**四年**来看，而不是只看第一年：

                    - 大厂：年包里固定部分和年终各占多少？年终系数往年实际发了多少？
                    - 外企：涨薪通常慢，但稳定；问清楚有没有 RSU，归属节奏是什么。
                    - 创业公司：期权按零估值算，真有回报是惊喜。再问清楚账上现金能撑几个月。

                    然后按你自己的优先级打分。你说最在意稳定和成长，那就重点问两个问题：
                    这个团队今年是在扩张还是收缩？入职后前半年你具体做什么？
                    问法可以直接一点，愿意给你讲清楚的团队，本身就是加分项。
                """),
                "days_ago": 1,
                "helpful": True,
                "likers": ["jiayi", "tao", "xiaoyu"],
                "replies": [],
            },
            {
                "author": "tao",
                "body": _md("""
                    我在外企待过六年，说一下外企 B 这类岗位的实际情况：
                    955 基本是真的，但要看是哪种中国研发中心。如果核心决策都在海外总部，
                    国内团队只做执行，成长会比较慢，而且这几年收缩得也不少。

                    面试时可以问一句：“这个团队负责的系统，架构决策是在国内做还是在总部做？”
                    答案能说明很多问题。如果是国内团队自己 own 一块完整的系统，那很值得去。
                """),
                "days_ago": 1,
                "helpful": False,
                "likers": ["jiayi", "haoran"],
                "replies": [
                    {
                        "author": "jiayi",
                        "body": _md("""
                            问了，他们负责亚太区的支付路由，从设计到上线都在国内做，
                            总部主要管合规。这个回答让我安心不少。
                        """),
                        "days_ago": 1,
                    },
                ],
            },
        ],
    },
    {
        "author": "mingxuan",
        "anonymous": False,
        "language": "zh-hans",
        "title": "入职第二个月还在试用期，感觉跟不上团队节奏，会不会转不了正？",
        "body": _md("""
            应届毕业入职两个月，试用期六个月。组里做物流调度相关的 Java 服务。

            现在的感受：

            - 需求评审时很多业务名词听不懂，不好意思一直问。
            - 分给我的需求别人估两天，我要做四天，还经常在 code review 被打回来改。
            - mentor 很忙，一周能聊一次就不错了。

            上周 leader 问我“最近怎么样”，我说“还行”，但其实心里很虚。

            想问：

            1. 试用期一般看什么？做得慢会不会直接不给转正？
            2. 怎么知道自己在 leader 眼里到底是什么水平？
            3. 接下来几个月该怎么追上来？
        """),
        "topics": ["junior", "performance-reviews"],
        "days_ago": 6,
        "context": {
            "level": "junior",
            "years": 1,
            "company": "JD.com",
            "scale": None,
            "ratings": {},
            "focus": "应届生试用期第二个月，交付速度慢，担心转正。",
            "feedback_wanted": "试用期的评估标准，以及怎么尽快追上团队节奏。",
        },
        "likers": ["xiaoyu", "jiayi", "liyang"],
        "answers": [
            {
                "author": "xiaoyu",
                "body": _md("""
                    我两年前也是这样过来的，那时候天天担心转不了正，最后顺利转了。

                    应届生的试用期，leader 真正看的是三件事：**学得快不快、
                    同样的问题会不会犯第二次、遇到卡点会不会及时说**。
                    速度慢在前两三个月完全正常，没人指望应届生和老员工一个速度。

                    我当时做了两件很有用的事：

                    1. 建了一个业务名词表，每听到一个不懂的词就记下来，
                       攒五六个一起找 mentor 问，一周下来就清楚大半。
                    2. 每次 code review 被打回的问题都记下来，提交前自己先对照检查一遍。
                       一个月后被打回的次数明显少了，leader 也注意到了。
                """),
                "days_ago": 5,
                "helpful": False,
                "likers": ["mingxuan", "jiayi"],
                "replies": [],
            },
            {
                "author": "zhou",
                "body": _md("""
                    站在 leader 的角度说一句：下次被问“最近怎么样”，千万别只说“还行”。

                    leader 最担心的新人不是慢的，而是**不知道他卡在哪**的。
                    你可以主动约一次 1:1，直接问：

                    > 我入职两个月了，想听听您觉得我目前做得怎么样，
                    离转正的要求还差哪些？接下来一两个月我最应该补什么？

                    这样问，一是你能拿到真实反馈，二是 leader 会觉得你有意识、靠谱。
                    真正转不了正的，大多是出了问题一直闷着，到第五个月才暴露。
                """),
                "days_ago": 4,
                "helpful": True,
                "likers": ["mingxuan", "xiaoyu", "liyang", "wei"],
                "replies": [
                    {
                        "author": "mingxuan",
                        "body": _md("""
                            今天约了 1:1 问了这几个问题。leader 说整体符合预期，
                            但希望我卡住超过半天就要说。心里的石头落地了一半。
                        """),
                        "days_ago": 3,
                    },
                ],
            },
        ],
    },
    {
        "author": "mei",
        "anonymous": True,
        "language": "zh-hans",
        "title": "公司要求每周回办公室四天（RTO），通勤单程一个半小时，要不要为这个跳槽？",
        "body": _md("""
            疫情那几年我们组基本远程，我就搬到了房租便宜一些的郊区。
            上个月公司宣布新的返岗政策：从下季度开始每周至少四天到办公室，
            会统计门禁打卡，和绩效挂钩。

            我的情况：

            - 高级工程师，组里的核心成员，手上有一个明年上半年要上线的项目。
            - 通勤单程一个半小时，每天路上三个小时。
            - 孩子两岁，现在是我负责早上送托。

            leader 私下说他也没办法，这是公司层面的决定，但可以“帮我想想办法”。

            我该怎么跟 leader 谈？如果谈不下来，为了通勤跳槽值得吗？
        """),
        "topics": ["senior"],
        "days_ago": 10,
        "context": {
            "level": "senior",
            "years": 9,
            "company": "",
            "scale": None,
            "ratings": {},
            "focus": "公司推行每周四天返岗，通勤和家庭安排冲突。",
            "feedback_wanted": "怎么跟 leader 谈一个可行的方案，以及什么情况下值得换工作。",
        },
        "likers": ["tao", "wei", "haoran", "jiayi"],
        "answers": [
            {
                "author": "haoran",
                "body": _md("""
                    “帮你想想办法”是一个信号，说明 leader 愿意替你争取，但他需要一个
                    **能拿去跟上面讲的具体方案**，而不是“我来不了”。

                    建议你准备一个书面的提议，比如：

                    - 每周三天到办公室，固定在组里开会、评审集中的那几天；
                    - 送托的日子十点到，错峰通勤，单程能省半个小时；
                    - 承诺核心项目的关键节点全部线下参加。

                    重点讲对业务的影响：项目明年上线，你是核心成员，
                    换人的代价远大于每周少来一天。很多公司的政策允许按个人情况审批例外，
                    只是不会主动告诉你。
                """),
                "days_ago": 9,
                "helpful": True,
                "likers": ["tao", "wei"],
                "replies": [],
            },
            {
                "author": "tao",
                "body": _md("""
                    关于要不要跳槽，我的看法是：先谈，同时悄悄看机会，但别只因为通勤就走。

                    算一笔账：每天三小时通勤，一年大概 700 小时，相当于四个月的工作时间。
                    如果谈不下例外，又有一家离家近、级别和薪资相当的公司，那跳是完全合理的。
                    但现在返岗是普遍趋势，很多公司明年也会收紧，
                    跳过去之后政策再变的风险要考虑进去，面试时一定问清楚现在实际执行的到岗要求。
                """),
                "days_ago": 8,
                "helpful": False,
                "likers": ["haoran"],
                "replies": [],
            },
        ],
    },
    {
        "author": "liyang",
        "anonymous": False,
        "language": "zh-hans",
        "title": "下班后做副业或个人开源项目，会不会和公司有冲突？值得做吗？",
        "body": _md("""
            最近想利用周末做一个个人项目：一个帮独立开发者做接口监控的小工具，
            打算开源，以后如果有人用，也许会做个付费版。

            几个顾虑：

            - 入职时签过一份“知识产权归属”协议，具体条款记不清了。
            - 我们组本身也在做内部的监控平台，怕被认为是利用了公司的技术。
            - 平时工作已经挺累，不知道周末还能不能坚持。

            做过副业或者维护开源项目的朋友，有什么需要提前注意的？
            这种项目对以后跳槽或者晋升有帮助吗？
        """),
        "topics": ["mid-level", "technical-skills"],
        "days_ago": 16,
        "context": {
            "level": "mid-level",
            "years": 3,
            "company": "Meituan",
            "scale": None,
            "ratings": {},
            "focus": "业余时间做一个可能商业化的开源项目。",
            "feedback_wanted": "合规上要注意什么，以及怎样做才能坚持下来、对职业有帮助。",
        },
        "likers": ["xiaoyu", "mingxuan", "jiayi", "tao"],
        "answers": [
            {
                "author": "wei",
                "body": _md("""
                    我维护一个几千 star 的开源库快四年了，说说实际要注意的：

                    **合规方面：**

                    1. 把入职协议翻出来看清楚，重点看“职务发明”和“兼职/竞业”的条款。
                       大部分公司的条款是：用公司时间、设备或者和公司业务相关的成果归公司。
                    2. 只用自己的电脑、自己的 GitHub 账号、下班时间写。
                       别在公司电脑上 clone，别用公司内网查资料。
                    3. 你们组在做内部监控平台，这一点要特别注意：项目方向尽量和公司业务拉开，
                       代码和设计里不能出现任何公司内部的东西。
                    4. 真要收费之前，最好找法务或 HR 书面确认一下。

                    **坚持下来的方法：** 范围砍到最小，先做一个自己每天会用的功能。
                    我的经验是，没有用户的项目很难坚持，哪怕第一个用户是你自己。
                """),
                "days_ago": 15,
                "helpful": True,
                "likers": ["liyang", "xiaoyu", "haoran"],
                "replies": [
                    {
                        "author": "liyang",
                        "body": _md("""
                            翻了协议，确实有一条“与公司业务相关”的表述。
                            打算把方向改成面向个人开发者的 Webhook 调试工具，
                            和组里的业务完全不搭边。
                        """),
                        "days_ago": 14,
                    },
                ],
            },
            {
                "author": "haoran",
                "body": _md("""
                    说说对职业的帮助。我面试过不少候选人，个人项目真正加分的情况是：
                    **你能讲清楚自己做的技术决策和踩过的坑**，而不是 star 数。

                    对晋升来说，公司内部一般不会直接认个人项目。但做项目的过程中练出来的能力，
                    比如独立做完整的设计、写文档、回应用户的 issue，会在工作里体现出来。
                    把它当作练习场，而不是简历装饰，心态会轻松很多。
                """),
                "days_ago": 13,
                "helpful": False,
                "likers": ["liyang", "mingxuan"],
                "replies": [],
            },
        ],
    },
    {
        "author": "wei",
        "anonymous": True,
        "language": "zh-hans",
        "title": "今年调薪只有 3%，拿外部 offer 去跟老板谈涨薪靠谱吗？",
        "body": _md("""
            在现在的公司做了四年，绩效一直是中上，今年调薪只有 3%。
            最近面了一家公司，口头 offer 比现在高 35%。

            其实我挺喜欢现在的团队和业务的，并不是特别想走。
            身边有人说可以拿 offer 回去谈，也有人说这样做会被老板记恨，
            就算留下来涨了薪，以后晋升也会被卡。

            想问问大家：

            1. 拿外部 offer 谈涨薪（counter offer）在国内公司常见吗？成功率怎么样？
            2. 如果要谈，应该怎么开口？
            3. 谈完留下来，会有什么隐患？
        """),
        "topics": ["senior", "interviewing"],
        "days_ago": 19,
        "context": {
            "level": "senior",
            "years": 7,
            "company": "",
            "scale": None,
            "ratings": {},
            "focus": "年度调薪偏低，手上有一个涨幅 35% 的外部 offer。",
            "feedback_wanted": "要不要用外部 offer 谈涨薪，以及怎么谈。",
        },
        "likers": ["liyang", "jiayi", "tao", "xiaoyu", "mingxuan"],
        "answers": [
            {
                "author": "zhou",
                "body": _md("""
                    我作为管理者接过好几次这种谈话，说一下另一边的真实情况。

                    **成功率取决于你在团队里的分量和公司的调薪机制。**
                    很多大厂有“特殊调薪”的通道，但需要 leader 往上申请，周期两到四周；
                    幅度一般很难直接追平 35%，能补一半就算不错。

                    **怎么开口：** 别说“不给涨我就走”，这是在逼对方。可以这样说：

                    > 我很喜欢现在的团队，也想继续做下去。但最近有一个外部机会，
                    薪资差距比较大，我需要认真考虑。想跟你聊聊，
                    以我目前的贡献，公司这边有没有可能调整？

                    **隐患是真的：** 留下来之后，老板会默认你随时可能走，
                    下次有核心项目可能会犹豫要不要交给你。所以只有在你**真的愿意走**的时候才去谈，
                    别把它当成一个没有代价的筹码。
                """),
                "days_ago": 18,
                "helpful": True,
                "likers": ["wei", "tao", "jiayi", "liyang"],
                "replies": [],
            },
            {
                "author": "tao",
                "body": _md("""
                    说一个身边朋友的例子：拿 offer 谈下来涨了 15%，留了下来，
                    结果半年后还是走了，因为让他想走的根本原因（成长停滞）没变。

                    建议你先想清楚：3% 的调薪是整个公司的普遍情况，
                    还是只有你低？如果是普遍的，谈下来的概率很小；
                    如果是你明显低于同级，那更值得聊，而且可以不提外部 offer，
                    直接拿市场数据和你这一年的成果去谈。
                """),
                "days_ago": 17,
                "helpful": False,
                "likers": ["wei", "haoran"],
                "replies": [],
            },
        ],
    },
    {
        "author": "xiaoyu",
        "anonymous": True,
        "language": "zh-hans",
        "title": "新团队默认 996，怎么守住边界又不被边缘化？",
        "body": _md("""
            上个月转岗到了一个新团队，做直播相关的业务。
            这个组虽然没有明说，但大家基本都是早十点到晚九点，周六也常在群里讨论需求。

            我不想长期这样，但又担心：

            - 刚来就准点走，会被觉得态度不好。
            - 年底绩效是组内排名，加班少会不会直接吃亏。
            - 群里周末的消息不回，会不会错过重要的事。

            有没有在这种团队里守住边界、绩效也不差的经验？
        """),
        "topics": ["junior", "leadership-ownership"],
        "days_ago": 13,
        "context": {
            "level": "junior",
            "years": 2,
            "company": "",
            "scale": None,
            "ratings": {},
            "focus": "刚转到一个默认 996 的团队，想保住下班和周末的时间。",
            "feedback_wanted": "具体怎么做才能既有边界，又不影响绩效和口碑。",
        },
        "likers": ["liyang", "mingxuan", "jiayi"],
        "answers": [
            {
                "author": "wei",
                "body": _md("""
                    说点可能不太好听的实话：在一个默认 996 的团队里，
                    完全按 955 过而绩效拿高分，难度很大。但“守边界”不等于“一刀切”，
                    可以做得聪明一些。

                    - **让产出被看见，而不是让在线时间被看见。**
                      每周给 leader 一个简短的进度同步，写清楚完成了什么。
                      绩效排名时，leader 记得的是结果。
                    - **关键节点到位。** 上线、大促、事故的时候在，平时按自己节奏。
                      大家记住的是“关键时候靠得住”。
                    - **周末消息设规则。** 周六上午统一看一次群，真紧急的电话会打过来，
                      其他的周一回。坚持一个月，别人就知道你的节奏了。

                    另外可以观察一下，组里加班是因为活真的多，还是只是氛围。
                    如果是后者，leader 往往自己也未必想这样。
                """),
                "days_ago": 12,
                "helpful": True,
                "likers": ["xiaoyu", "liyang", "jiayi"],
                "replies": [],
            },
            {
                "author": "zhou",
                "body": _md("""
                    从管理者的角度补充：刚来的前一两个月，适当多投入一点是值得的，
                    这段时间建立的印象会影响很久。等你负责的事情有了稳定的产出，
                    再慢慢把节奏调回来，阻力会小很多。

                    如果半年后还是每天九点以后走、周末也停不下来，而且影响到身体，
                    那就值得认真考虑是不是该换一个团队了。长期的过度加班不是靠个人意志能扛住的。
                """),
                "days_ago": 11,
                "helpful": False,
                "likers": ["xiaoyu"],
                "replies": [],
            },
        ],
    },
    {
        "author": "xiaoyu",
        "anonymous": False,
        "language": "zh-hans",
        "title": "和 leader 的 1:1 总是冷场，怎么让一对一沟通真正有用？",
        "body": _md("""
            我们组每两周有一次 30 分钟的 1:1。现在的情况基本是：

            - leader 问“最近有什么问题吗”，我说“没有”，然后聊两句进度就结束了。
            - 有时候 leader 忙，直接取消。
            - 我其实有很多想问的，比如年底能不能晋升、下个项目想做什么，但不知道怎么开口。

            总觉得浪费了这个机会。1:1 应该聊什么？怎么准备？
        """),
        "topics": ["junior", "leadership-ownership"],
        "days_ago": 21,
        "context": {
            "level": "junior",
            "years": 2,
            "company": "Alibaba",
            "scale": None,
            "ratings": {},
            "focus": "双周 1:1 流于形式，想借它聊晋升和项目方向。",
            "feedback_wanted": "1:1 的议题怎么准备，以及怎么开口谈晋升。",
        },
        "likers": ["mingxuan", "liyang", "jiayi", "wei"],
        "answers": [
            {
                "author": "mei",
                "body": _md("""
                    1:1 是**你的**会，不是 leader 的。最有效的改变是：每次开会前一天，
                    在共享文档里写好两三个议题，会上按文档聊。leader 看到有准备，
                    也就不会轻易取消了。

                    议题可以轮换这几类：

                    1. **卡点**：“这个需求依赖的接口一直没定，我应该找谁推？”
                    2. **反馈**：“上周那次方案评审，你觉得我哪里可以讲得更好？”
                    3. **成长**：“年底我想冲一下晋升，你觉得我现在差在哪里？”
                    4. **方向**：“下半年的项目里，我对 XX 比较感兴趣，有机会参与吗？”

                    晋升这个话题，越早开口越好。到了十一月再问，基本来不及调整了。
                    第一次开口可以说得轻一点：“想听听你对我明年发展的看法。”
                """),
                "days_ago": 20,
                "helpful": True,
                "likers": ["xiaoyu", "mingxuan", "liyang"],
                "replies": [
                    {
                        "author": "xiaoyu",
                        "body": _md("""
                            这周试了共享文档，写了三个议题，第一次把 30 分钟用满了，
                            leader 还主动说以后每次都这样。
                        """),
                        "days_ago": 18,
                    },
                ],
            },
        ],
    },
    {
        "author": "tao",
        "anonymous": False,
        "language": "zh-hans",
        "title": "第一次做项目的技术负责人（TL），自己写代码和带人怎么平衡？",
        "body": _md("""
            入职新公司两个多月，leader 让我做一个新项目的技术负责人，
            团队有四个人：两个中级、一个应届生，加上我。项目是把老的推送系统重构成
            消息平台，计划四个月上线。

            前两周的感受：

            - 我习惯把最难的部分自己写，结果每天被各种问题打断，自己的代码一直写不完。
            - 其他同学做的模块，我总想 review 得很细，PR 都堆在我这里。
            - 周会上大家都等我拍板，感觉自己成了瓶颈。

            做过 TL 的朋友，前几个月的时间应该怎么分配？
        """),
        "topics": ["senior", "leadership-ownership"],
        "days_ago": 9,
        "context": {
            "level": "senior",
            "years": 8,
            "company": "Kuaishou",
            "scale": None,
            "ratings": {},
            "focus": "第一次当 TL，自己写代码、评审和决策都堆在自己身上。",
            "feedback_wanted": "TL 的时间分配方法，以及怎样不再成为团队的瓶颈。",
        },
        "likers": ["wei", "liyang", "jiayi", "haoran", "mei"],
        "answers": [
            {
                "author": "mei",
                "body": _md("""
                    我从高级转 TL 的时候犯过一模一样的错。几个具体的调整：

                    **1. 别把最难的部分留给自己。** TL 的代码最容易被打断，
                    放在关键路径上就会拖住整个项目。最难的部分交给最强的中级同学，
                    你做 design review 和兜底；你自己写不在关键路径上的东西，比如工具、压测脚本。

                    **2. 把决策分层。** 跟团队说清楚：接口和数据模型的变更要过你，
                    模块内部的实现自己定，有疑问再找你。PR review 也一样，
                    两个中级同学互相 review，你只看跨模块的改动。

                    **3. 时间按周切块。** 我当时大概是 40% 写代码、30% 评审和设计、
                    30% 沟通和对齐。每天上午留两小时不开会，专门写代码。

                    前几周感觉自己产出变少是正常的。衡量 TL 的是团队的产出，不是你自己的 commit 数。
                """),
                "days_ago": 8,
                "helpful": True,
                "likers": ["tao", "wei", "liyang", "haoran"],
                "replies": [
                    {
                        "author": "tao",
                        "body": _md("""
                            “最难的部分交给最强的中级同学”这一点很戳我。
                            我一直觉得自己写最快最稳，但确实每天只有一两个小时能专心写。
                        """),
                        "days_ago": 7,
                    },
                ],
            },
            {
                "author": "haoran",
                "body": _md("""
                    补充一个很实用的东西：**写一页项目决策记录**（ADR 的简化版）。
                    每做一个重要决定，记一下背景、选项、选了什么、为什么。

                    好处是，周会上大家等你拍板的事情会越来越少，
                    因为原则已经写在那里了，大家可以自己推出答案。
                    应届生也能通过这个文档快速理解系统为什么是现在这个样子。
                """),
                "days_ago": 7,
                "helpful": False,
                "likers": ["tao", "mei"],
                "replies": [],
            },
        ],
    },
    {
        "author": "liyang",
        "anonymous": False,
        "language": "zh-hans",
        "title": "资深同事在 code review 里总挑风格问题，一个 PR 拖一周，怎么沟通？",
        "body": _md("""
            我们组有一位资深同事，review 非常严格，这本身是好事。但问题是：

            - 很多评论是命名、换行、注释写法这类风格问题，而且和组里的 lint 规则不完全一致。
            - 每一轮只看一部分，改完又提新的，一个 200 行的 PR 来回了五轮，拖了一周。
            - 有时候语气比较冲，比如“这种写法不应该出现”。

            我自己的需求因此延期了两次，leader 问起来我也不好说是 review 的问题。
            怎么和这位同事沟通比较好？要不要找 leader？
        """),
        "topics": ["mid-level", "technical-skills"],
        "days_ago": 4,
        "context": {
            "level": "mid-level",
            "years": 3,
            "company": "Meituan",
            "scale": None,
            "ratings": {},
            "focus": "代码评审来回多轮、以风格问题为主，拖慢了交付。",
            "feedback_wanted": "怎么和评审人沟通，以及团队层面怎么改进评审规范。",
        },
        "likers": ["xiaoyu", "jiayi", "mingxuan", "wei", "tao"],
        "answers": [
            {
                "author": "wei",
                "body": _md("""
                    这种情况先别急着找 leader，先私下聊一次，大概率能解决一半。

                    **私聊的时候聚焦流程，不聊对错。** 比如：

                    > 我发现我们的 PR 经常来回好几轮，想跟你对一下，
                    有没有办法第一轮就把主要问题都提出来？
                    我这边也可以提 PR 之前先发设计给你看一眼。

                    **把风格问题交给工具。** 你可以主动提议把他常提的那些风格要求
                    补进 lint 和 formatter 的配置，在组会上过一遍。
                    这样既尊重了他的标准，风格问题以后也不用再靠人来提。

                    **区分必须改和建议。** 很多团队会约定评论前缀，比如 `nit:` 表示可改可不改。
                    提议组里用起来，你就能先合入主要改动，小问题后续再提 PR。

                    如果私聊和流程改进都试过还是不行，再带着具体的数据（几个 PR、几轮、拖了几天）
                    找 leader，讨论的是流程问题，而不是告状。
                """),
                "days_ago": 3,
                "helpful": True,
                "likers": ["liyang", "xiaoyu", "jiayi", "haoran"],
                "replies": [
                    {
                        "author": "liyang",
                        "body": _md("""
                            私下聊了，他其实也觉得来回太多很累，
                            还主动说愿意整理一份风格清单放进 lint。
                            比我想象的好沟通。
                        """),
                        "days_ago": 2,
                    },
                ],
            },
            {
                "author": "haoran",
                "body": _md("""
                    另一个角度：200 行的 PR 来回五轮，有时候也说明 PR 切得还可以更小，
                    或者设计没有提前对齐。资深同事往往是对整体方案有意见，
                    但在 review 里只能通过细节表达出来。

                    下次比较大的改动，先花十分钟和他过一下思路，再开始写，
                    review 的轮数通常会明显减少。
                """),
                "days_ago": 3,
                "helpful": False,
                "likers": ["liyang", "wei"],
                "replies": [],
            },
        ],
    },
    {
        "author": "wei",
        "anonymous": False,
        "language": "zh-hans",
        "title": "on-call 一周被半夜叫醒五六次，怎么推动团队减少无效告警？",
        "body": _md("""
            我们组负责推荐的在线服务，六个人轮值 on-call，一人一周。
            最近几个月告警越来越多，我上一轮值班一周被半夜电话叫醒六次，
            其中真正需要处理的只有一次，其余都是抖动或者下游的问题。

            组里其他人也很累，但大家都觉得“告警多总比漏报好”，没人愿意去删告警。

            想推动改善，但不知道从哪里下手，也担心删了告警之后真出事要背锅。
        """),
        "topics": ["senior", "technical-skills", "leadership-ownership"],
        "days_ago": 17,
        "context": {
            "level": "senior",
            "years": 7,
            "company": "ByteDance",
            "scale": None,
            "ratings": {},
            "focus": "值班告警过多，大部分是无效告警，团队疲惫。",
            "feedback_wanted": "治理告警的具体步骤，以及怎么让团队接受。",
        },
        "likers": ["liyang", "tao", "jiayi", "mei", "haoran"],
        "answers": [
            {
                "author": "haoran",
                "body": _md("""
                    我们组去年做过一次告警治理，夜间电话从每周八次降到一次左右。步骤大概是：

                    1. **先统计。** 把过去一个月的所有告警导出来，每条标上：
                       是否需要人工处理、处理了什么、花了多久。数据一摆出来，
                       “告警多总比漏报好”的说法就站不住了。
                    2. **分级。** 只有“用户受影响且需要立刻处理”的才打电话，
                       其他降级成工作时间处理的工单或者 IM 消息。
                    3. **告警基于症状，而不是原因。** 比如用成功率、延迟的 SLO 告警，
                       代替单台机器 CPU 高这种原因类告警。
                    4. **每周值班交接会过一遍。** 上周每一条夜间告警，要么修根因，
                       要么调阈值，要么删掉，必须有一个结论。

                    背锅的担心，可以这样化解：每一次删除或降级，都在交接文档里写清楚理由，
                    并且让 leader 确认。出了事也是团队的决定，不是你一个人的。
                """),
                "days_ago": 16,
                "helpful": True,
                "likers": ["wei", "tao", "liyang", "mei"],
                "replies": [
                    {
                        "author": "wei",
                        "body": _md("""
                            先做了第一步，统计出来上个月 83% 的夜间告警不需要处理。
                            周会上一讲，大家立刻同意了分级。
                        """),
                        "days_ago": 12,
                    },
                ],
            },
            {
                "author": "zhou",
                "body": _md("""
                    管理者角度提醒一点：这件事做完之后一定要**写下来，算在你的绩效里**。
                    告警治理是典型的“做了没人看见，不做大家都痛苦”的工作。

                    做之前跟 leader 对齐这是你这个季度的一个目标，
                    做完后用数字讲结果：夜间告警次数、值班同学的满意度、
                    有没有漏报。这在述职时是很扎实的一段。
                """),
                "days_ago": 15,
                "helpful": False,
                "likers": ["wei", "mei"],
                "replies": [],
            },
        ],
    },
    {
        "author": "tao",
        "anonymous": False,
        "language": "zh-hans",
        "title": "在外企待了六年，准备去国内大厂，需要提前适应哪些变化？",
        "body": _md("""
            在 SAP 上海做了六年后端，最近拿到了一家国内大厂的 offer，级别对标高级工程师，
            薪资涨了四成，下个月入职。

            身边去过大厂的朋友说法不一，有人说节奏快很多，有人说汇报和“对齐”特别多。
            我比较担心的几件事：

            - 外企习惯了写完整的设计文档、慢慢评审，大厂是不是更看重速度？
            - 听说要写周报、做述职，还有各种黑话（抓手、闭环、对齐颗粒度），有点发怵。
            - 我英语比较好，到了大厂这个优势是不是就没了？

            从外企去大厂的朋友，前三个月最需要注意什么？
        """),
        "topics": ["senior", "leadership-ownership"],
        "days_ago": 108,
        "context": {
            "level": "senior",
            "years": 8,
            "company": "SAP",
            "scale": None,
            "ratings": {},
            "focus": "从外企跳到国内大厂，想尽快适应新的节奏和文化。",
            "feedback_wanted": "前三个月最需要调整的工作习惯，以及可以保留的优势。",
        },
        "likers": ["jiayi", "liyang", "xiaoyu", "wei"],
        "answers": [
            {
                "author": "haoran",
                "body": _md("""
                    我是从微软去的阿里，正好是你要走的路。几个最大的差别：

                    **1. 结果要主动讲出来。** 外企做好了，经理自然会看到；
                    大厂里同样的事，你不在周报、周会上讲清楚“做了什么、带来了什么”，
                    很可能就没人知道。这不是吹牛，是信息同步。

                    **2. 先跑起来，再完善。** 设计文档还是要写，但篇幅短很多，
                    一两页讲清楚方案和风险就开始做，边做边改。
                    你习惯的严谨是优势，用在关键决策上，别用在每个小需求上。

                    **3. 尽快搞清楚“谁说了算”。** 大厂的项目往往牵涉很多团队，
                    前两周多约几个上下游团队的人聊聊，比读文档更快理解全局。

                    英语不会没用。大厂现在出海业务很多，能和海外团队顺畅沟通的人很稀缺，
                    有机会可以主动往这个方向靠。
                """),
                "days_ago": 106,
                "helpful": True,
                "likers": ["tao", "wei", "jiayi"],
                "replies": [],
            },
            {
                "author": "wei",
                "body": _md("""
                    说说“黑话”的事：不用刻意学，听得懂就行，自己说话还是直接一点好。
                    真正需要适应的是**节奏**：需求变化快，今天定的方案下周可能就要改，
                    心态上别觉得是自己做得不好。

                    还有一条很实际：入职前三个月找一个能快速出成果的小项目，
                    哪怕只是把某个慢查询优化好。第一次述职时有东西可讲，
                    leader 对你的印象就定下来了。
                """),
                "days_ago": 104,
                "helpful": False,
                "likers": ["tao", "liyang"],
                "replies": [],
            },
        ],
    },
    {
        "author": "jiayi",
        "anonymous": False,
        "language": "zh-hans",
        "title": "面试外企时，英文行为面试（behavioral）总讲不清楚，怎么准备？",
        "body": _md("""
            最近在面一家外企的中国研发中心，技术面都是中文，过了；
            但最后一轮是和美国的 hiring manager 用英文聊，主要是行为面试，比如：

            - Tell me about a time you disagreed with your manager.
            - Describe a project that failed and what you learned.

            我的英语读写没问题，但口语一紧张就卡，讲到一半自己都不知道在说什么。
            面试官追问细节的时候更慌。离终面还有一周，怎么准备最有效？
        """),
        "topics": ["mid-level", "interviewing", "working-across-languages"],
        "days_ago": 33,
        "context": {
            "level": "mid-level",
            "years": 4,
            "company": "",
            "scale": None,
            "ratings": {},
            "focus": "一周后有一场英文行为面试，口语紧张时讲不清楚。",
            "feedback_wanted": "短时间内最有效的准备方法。",
        },
        "likers": ["xiaoyu", "liyang", "tao", "mei"],
        "answers": [
            {
                "author": "mei",
                "body": _md("""
                    一周时间，别练“英语”，练**故事**。

                    1. 准备五六个自己的真实经历，覆盖常见的主题：冲突、失败、
                       主导项目、带人、紧急事故、影响别人的决定。
                    2. 每个故事按 STAR 写成英文要点（不是逐字稿），
                       Situation 和 Task 加起来不超过三句，时间花在 Action 上，
                       Result 一定要有数字。
                    3. 每个故事用手机录音讲三遍，听回放，把卡住的地方换成更简单的说法。

                    一个故事可以回答好几个问题。比如“和 leader 意见不同”和“推动一个决定”
                    可以是同一段经历，换个角度讲就行。

                    卡住的时候，说一句 “Let me think about the best example for a second.”
                    停两秒完全没问题，面试官看的是内容，不是语速。
                """),
                "days_ago": 32,
                "helpful": True,
                "likers": ["jiayi", "xiaoyu", "tao"],
                "replies": [
                    {
                        "author": "jiayi",
                        "body": _md("""
                            录音这招太有用了，第一遍听自己讲，发现一个故事讲了四分钟还没到重点。
                            现在每个都压到两分钟以内。
                        """),
                        "days_ago": 30,
                    },
                ],
            },
            {
                "author": "haoran",
                "body": _md("""
                    我在外企做过不少英文面试的面试官，补充一点：我们并不期待候选人英语完美，
                    **最怕的是答非所问或者一直讲“we”**。

                    讲经历的时候多用 “I”：I proposed、I decided、I convinced。
                    中国工程师习惯说“我们团队”，但面试官需要知道你个人做了什么。
                    追问细节时，如果没听懂，直接请对方重复或者换个说法，这很正常。
                """),
                "days_ago": 31,
                "helpful": False,
                "likers": ["jiayi", "mei", "xiaoyu"],
                "replies": [],
            },
        ],
    },
    {
        "author": "liyang",
        "anonymous": False,
        "language": "zh-hans",
        "title": "第一次给应届生当 mentor，怎么带才不会变成“保姆”？",
        "body": _md("""
            组里新来了一个应届生，leader 指定我做他的 mentor，这是我第一次带人。

            两周下来的情况：

            - 他遇到问题就来问，一天能问十几次，我自己的活经常被打断。
            - 有时候我干脆直接帮他改了，更快，但感觉他没学到东西。
            - 不知道该怎么给反馈，怕说重了打击他。

            另外，带新人这件事在我自己的绩效里能算多少？
        """),
        "topics": ["mid-level", "leadership-ownership"],
        "days_ago": 29,
        "context": {
            "level": "mid-level",
            "years": 3,
            "company": "Meituan",
            "scale": None,
            "ratings": {},
            "focus": "第一次做导师带应届生，被频繁打断，也不确定怎么给反馈。",
            "feedback_wanted": "带新人的节奏和方法，以及怎么让这件事体现在绩效里。",
        },
        "likers": ["xiaoyu", "mingxuan", "wei", "tao"],
        "answers": [
            {
                "author": "tao",
                "body": _md("""
                    我带过五六个应届生，最管用的是**把随时提问改成固定时间**：

                    - 每天下午四点固定 15 分钟，把攒下来的问题一起问。
                    - 真的卡住超过 30 分钟可以随时找你，但要先说清楚试过什么。

                    这样他也在学怎么提问、怎么自己查，这本身就是应届生最需要练的能力。

                    **别直接帮他改代码。** 改成问问题：“你觉得这里为什么会空指针？”
                    “如果这个接口超时，会发生什么？”慢一点，但他下次就知道了。

                    **反馈要具体、及时、私下说。** “这个 PR 的异常处理漏了超时的情况，
                    你看看 XX 模块是怎么处理的”，比“代码质量要提高”有用得多，也不伤人。
                """),
                "days_ago": 28,
                "helpful": True,
                "likers": ["liyang", "xiaoyu", "mingxuan"],
                "replies": [],
            },
            {
                "author": "zhou",
                "body": _md("""
                    回答绩效的问题：带新人在大多数公司算“团队贡献”或者“影响力”，
                    对中级升高级尤其重要，因为高级的一个核心要求就是能让身边的人变得更好。

                    但前提是**有结果可以讲**。建议你跟新人一起定一个三个月的目标，
                    比如独立负责一个小模块、能参与值班。到时候他达成了，
                    你在述职里就能写“带的应届生三个月独立承担 XX 模块”，
                    比“指导新人”四个字有分量得多。
                """),
                "days_ago": 27,
                "helpful": False,
                "likers": ["liyang", "wei"],
                "replies": [],
            },
        ],
    },
    {
        "author": "xiaoyu",
        "anonymous": False,
        "language": "zh-hans",
        "title": "绩效打分 3.5 和 3.75 差别到底有多大？拿了 3.5 还能争取晋升吗？",
        "body": _md("""
            我们公司绩效是 3.25 / 3.5 / 3.75 这种打分，3.5 是大多数人拿的“符合预期”，
            3.75 是“超出预期”，名额很少。

            我今年拿了 3.5。自己感觉做得不错：独立负责了一个商家后台的重构，
            还救了两次线上问题。但 leader 说组里 3.75 只有一个名额，给了做大促项目的同事。

            想问：

            1. 3.5 和 3.75 在年终奖、调薪上一般差多少？
            2. 晋升是不是一定要有 3.75？拿 3.5 明年还有机会吗？
            3. 下半年怎么做，才能让 leader 在分名额的时候想到我？
        """),
        "topics": ["junior", "performance-reviews", "promotions"],
        "days_ago": 34,
        "context": {
            "level": "junior",
            "years": 2,
            "company": "Alibaba",
            "scale": None,
            "ratings": {},
            "focus": "绩效拿了 3.5，想弄清楚它对晋升的影响，明年争取 3.75。",
            "feedback_wanted": "3.5 和 3.75 的实际差别，以及怎么让自己的工作在分名额时被看见。",
        },
        "likers": ["mingxuan", "liyang", "jiayi", "wei", "tao"],
        "answers": [
            {
                "author": "wei",
                "body": _md("""
                    具体数字每家公司、每个部门都不一样，我只说一般规律。

                    **钱的差别：** 年终奖通常和绩效系数挂钩，3.75 往往比 3.5 多出
                    几个月的月薪；调薪幅度也会高一截。单看一年差别不算天大，但会累积。

                    **晋升：** 大多数地方晋升并不硬性要求 3.75，但要求“近期绩效稳定在 3.5 及以上，
                    并且有能证明下一级能力的案例”。初级升中级，3.5 加一个独立负责的项目，
                    完全有机会。你的商家后台重构就是很好的素材。

                    **争取名额：** 名额分配时 leader 要在校准会上替你说话，
                    所以关键是让他手里有**现成的、可以直接说的结果**：
                    重构之后页面加载快了多少、运营效率提升多少、事故影响了多少商家、你多快止损。
                    每个月在 1:1 里提一次，年底他自然记得。
                """),
                "days_ago": 33,
                "helpful": True,
                "likers": ["xiaoyu", "mingxuan", "liyang"],
                "replies": [
                    {
                        "author": "xiaoyu",
                        "body": _md("""
                            回去翻了监控数据，重构后商家后台的平均响应时间从 1.8 秒降到 0.6 秒，
                            之前述职时只写了“完成重构”。下半年一定记得写数字。
                        """),
                        "days_ago": 32,
                    },
                ],
            },
            {
                "author": "zhou",
                "body": _md("""
                    作为分过很多次名额的 leader，说句实话：3.75 经常给了
                    “**做了最重要的事**”的人，而不一定是“做得最好”的人。
                    大促项目就是那种所有人都看得见的重要事。

                    所以下半年除了做好手上的事，主动跟 leader 聊一次：
                    “下半年组里最重要的目标是什么？我能在里面承担哪一块？”
                    站到重要的事情里去，比在边缘做得完美更容易被看见。
                """),
                "days_ago": 31,
                "helpful": False,
                "likers": ["xiaoyu", "wei", "tao"],
                "replies": [],
            },
        ],
    },
    {
        "author": "haoran",
        "anonymous": False,
        "language": "zh-hans",
        "title": "Staff 的影响力怎么体现？推动跨团队的技术标准总被当成“额外工作”",
        "body": _md("""
            升 Staff 一年了，今年给自己定的主要目标是统一存储相关几个团队的
            数据一致性校验方案：现在每个团队各写一套，出过两次数据不一致的事故。

            我写了方案、做了一个共用的校验库，也在技术委员会上讲过，大家都说好。
            但半年过去，只有我们自己组和一个兄弟团队接入了，
            其他团队的 leader 说“认可，但这个季度排不进来”。

            我的困惑：

            - Staff 没有行政权力，推不动的时候应该怎么办？
            - 要不要找更高层的领导施压？会不会伤害和这些团队的关系？
            - 年底述职时，“推了但没推完”怎么讲？
        """),
        "topics": ["staff", "leadership-ownership"],
        "days_ago": 25,
        "context": {
            "level": "staff",
            "years": 13,
            "company": "Alibaba Cloud",
            "scale": None,
            "ratings": {},
            "focus": "跨团队推广一套统一的数据校验方案，半年只有两个团队接入。",
            "feedback_wanted": "没有行政权力时怎么推动采纳，以及怎么呈现推进中的工作。",
        },
        "likers": ["wei", "tao", "mei", "qing"],
        "answers": [
            {
                "author": "qing",
                "body": _md("""
                    “认可，但排不进来”的真实意思通常是：**对他们来说，收益不够大，成本不够小**。
                    Staff 推标准，要在这两头都下功夫。

                    **降成本：** 别让别的团队来接，你的人去帮他们接。
                    挑一个影响最大的团队，你们组出一个人，两周帮他们完成接入。
                    第一个外部团队接入的案例，比十次技术分享都有说服力。

                    **提收益：** 把两次数据不一致的事故算成钱、算成客户影响，
                    给每个团队看“你们现在的校验方案漏掉了哪几类问题”。
                    最好跑一遍共用校验库，拿出他们系统里真实存在的不一致数据。

                    **关于找上级：** 不是施压，而是请上级把它变成**组织的目标**。
                    拿着事故数据和接入成本，请你们的总监把它写进下个季度的 OKR。
                    一旦进了 OKR，各团队排期就不是“额外工作”了。
                """),
                "days_ago": 24,
                "helpful": True,
                "likers": ["haoran", "wei", "mei", "tao"],
                "replies": [
                    {
                        "author": "haoran",
                        "body": _md("""
                            “跑一遍拿出真实的不一致数据”这个思路很好。
                            我们的校验库其实可以离线跑，下周先拿最大的那个团队的数据试一下。
                        """),
                        "days_ago": 23,
                    },
                ],
            },
            {
                "author": "mei",
                "body": _md("""
                    关于述职怎么讲：“推了但没推完”完全可以讲，关键是讲清楚**你学到了什么、
                    调整了什么**。比如：

                    > 上半年靠技术方案推动，两个团队接入；
                    发现主要阻力是接入成本，下半年改成派人支援接入并推动进 OKR，
                    覆盖率从 2/6 提升到 5/6。

                    评委看 Staff，看的正是这种在模糊和阻力中调整策略的能力。
                """),
                "days_ago": 22,
                "helpful": False,
                "likers": ["haoran", "qing"],
                "replies": [],
            },
        ],
    },
    {
        "author": "tao",
        "anonymous": False,
        "language": "zh-hans",
        "title": "首席工程师（Principal）平时到底在做什么？想把它当作长期目标",
        "body": _md("""
            工作八年，现在是高级工程师。身边的 Staff 还能见到，
            首席工程师（Principal）整个公司就那么几位，平时基本只在季度技术大会上见到。

            想了解一下：

            1. 首席工程师一周的时间大概花在哪里？还写代码吗？
            2. 从 Staff 到 Principal，最大的变化是什么？
            3. 如果十年后想走到这一步，现在应该开始积累什么？
        """),
        "topics": ["senior", "staff", "principal"],
        "days_ago": 20,
        "context": {
            "level": "senior",
            "years": 8,
            "company": "Kuaishou",
            "scale": None,
            "ratings": {},
            "focus": "把首席工程师作为长期目标，想了解这个角色的真实工作。",
            "feedback_wanted": "首席工程师的时间分配，以及现在就能开始积累的能力。",
        },
        "likers": ["wei", "liyang", "haoran", "mei", "jiayi"],
        "answers": [
            {
                "author": "qing",
                "body": _md("""
                    我做首席工程师四年，以一个典型的周为例：

                    - **三成时间：方向和架构决策。** 比如未来两年数据库用自研还是开源、
                      多活架构要不要做到单元化。这些决定一旦错了，几百人的工作都要重来。
                    - **三成时间：救火和把关。** 重大事故的复盘、关键项目的设计评审、
                      几个团队吵不出结果的技术争议。
                    - **两成时间：培养人。** 带几位 Staff，帮他们想清楚各自的方向。
                    - **两成时间：自己动手。** 写原型、读关键代码、做性能分析。
                      代码写得少了，但不能不写，否则判断会脱离实际。

                    从 Staff 到 Principal 最大的变化：Staff 把一个**已经确定的大问题**解决好，
                    Principal 要判断**哪些问题值得解决**，而且要对三五年后的结果负责。

                    现在可以开始积累的：每个你参与的重大技术决策，都写下当时的判断，
                    一两年后回头看对不对。做判断的能力，是靠这样一次次校准出来的。
                """),
                "days_ago": 19,
                "helpful": True,
                "likers": ["tao", "haoran", "wei", "mei", "liyang"],
                "replies": [
                    {
                        "author": "tao",
                        "body": _md("""
                            “写下判断，一两年后回头看”这个方法很具体，今天就开一个文档。
                        """),
                        "days_ago": 18,
                    },
                ],
            },
            {
                "author": "haoran",
                "body": _md("""
                    从 Staff 的角度补充：离 Principal 越近，越需要**业务判断**，而不只是技术判断。
                    我见过的几位首席，都能讲清楚自己负责的技术方向在公司财报里对应哪一块。

                    所以现在可以多参加业务的规划会，哪怕只是旁听，
                    试着理解“为什么今年要做这个”，而不只是“这个怎么做”。
                """),
                "days_ago": 18,
                "helpful": False,
                "likers": ["tao", "qing"],
                "replies": [],
            },
        ],
    },
    {
        "author": "liyang",
        "anonymous": False,
        "language": "zh-hans",
        "title": "面试推荐系统设计题，被追问冷启动和特征穿越，怎么答才有深度？",
        "body": _md("""
            我在做后端，想转机器学习工程方向，最近面了两家做推荐的团队，
            都卡在系统设计这一轮。题目是“设计一个短视频推荐系统”。

            我能讲出召回、粗排、精排、重排这套链路，但面试官一追问就露馅：

            - 新用户、新视频的冷启动怎么处理？
            - 训练时怎么避免特征穿越（用到了未来的数据）？
            - 线上效果和离线指标不一致，你会怎么排查？

            感觉自己只会背框架，没有真正理解。该怎么准备？
        """),
        "topics": ["mid-level", "ml-system-design", "interviewing"],
        "days_ago": 36,
        "context": {
            "level": "mid-level",
            "years": 3,
            "company": "Meituan",
            "scale": None,
            "ratings": {},
            "focus": "从后端转机器学习工程，推荐系统设计面试答不出深度。",
            "feedback_wanted": "冷启动、特征穿越这类追问的答题思路和准备方法。",
        },
        "likers": ["wei", "mei", "xiaoyu", "jiayi"],
        "answers": [
            {
                "author": "wei",
                "body": _md("""
                    我做推荐后端好几年，也面过不少人。面试官追问这些，
                    是想看你有没有**在真实系统里踩过坑**。几个问题的答题要点：

                    **冷启动：** 分开讲新用户和新内容。
                    新用户靠注册信息、设备和地域特征，加上热门内容兜底，再用前几次交互快速更新兴趣；
                    新视频给一个探索流量池，按实时的完播率、互动率决定要不要放大。
                    能讲出“探索流量占多少、怎么防止劣质内容刷量”，就有深度了。

                    **特征穿越：** 核心是**特征必须按样本发生的时间点来取**。
                    具体做法是训练样本落日志时把当时的特征快照一起存下来，
                    而不是训练时再去特征库里查最新值。

                    **离线在线不一致：** 先查特征的线上线下一致性，再看样本分布，
                    最后才怀疑模型。这个顺序本身就能体现经验。
                """),
                "days_ago": 35,
                "helpful": True,
                "likers": ["liyang", "mei", "xiaoyu"],
                "replies": [],
            },
            {
                "author": "mei",
                "body": _md("""
                    补充准备方法：你有后端背景，这是优势，不要藏起来。
                    推荐系统设计面试里，**特征存储、实时链路、延迟预算**这些工程问题，
                    很多算法出身的候选人反而讲不好。

                    建议你把“一个请求从进来到返回推荐结果”的全过程画出来，
                    每一步标上延迟预算（比如召回 20ms、精排 30ms）和数据来源。
                    面试时主动从工程角度切入，把话题引到你擅长的地方。
                """),
                "days_ago": 34,
                "helpful": False,
                "likers": ["liyang", "wei"],
                "replies": [],
            },
        ],
    },
    {
        "author": "haoran",
        "anonymous": True,
        "language": "zh-hans",
        "title": "升到 Staff 之后每天开会、几乎不写代码，越来越倦怠怎么办？",
        "body": _md("""
            升 Staff 一年半。现在的日常：每天六七个会，方案评审、对齐、周会、
            各种“拉一下”；一周能专心写代码的时间不超过三小时。

            最近几个月明显感觉不对劲：

            - 周日晚上就开始焦虑，早上不想打开电脑。
            - 开会的时候经常走神，会后也想不起来决定了什么。
            - 以前最喜欢的排查性能问题，现在也提不起兴趣。

            不知道这是职业倦怠，还是我根本不适合 Staff 这种角色？
            要不要考虑退回高级工程师、专心写代码？
        """),
        "topics": ["staff", "leadership-ownership"],
        "days_ago": 5,
        "context": {
            "level": "staff",
            "years": 13,
            "company": "",
            "scale": None,
            "ratings": {},
            "focus": "Staff 角色会议过多，连续几个月感到倦怠。",
            "feedback_wanted": "怎么判断是倦怠还是角色不适合，以及可以先做哪些调整。",
        },
        "likers": ["wei", "tao", "mei", "liyang", "qing"],
        "answers": [
            {
                "author": "qing",
                "body": _md("""
                    先别急着下结论说不适合。你描述的更像是**时间结构出了问题**：
                    Staff 的会议多是正常的，但每天六七个会，说明很多会并不需要你。

                    可以先做一个两周的实验：

                    1. 把下周的会全部列出来，每个标上：我是决策人、我是输入方、我只是旁听。
                       只是旁听的，直接退掉，请对方会后发纪要给你。
                    2. 每周固定两个半天不排会，日历上标成“深度工作”，谁约都不动。
                    3. 输入方的会，试着改成会前给书面意见。

                    我自己这样做之后，会议从每周三十个降到十五个左右，周二、周四上午能写代码，
                    整个人的状态好了很多。

                    如果两三个月后会议少了，还是什么都提不起兴趣，
                    那就不只是工作安排的问题了，值得认真休个长假，必要时找专业的心理咨询。
                """),
                "days_ago": 4,
                "helpful": True,
                "likers": ["haoran", "mei", "wei", "tao"],
                "replies": [
                    {
                        "author": "haoran",
                        "body": _md("""
                            列了一下，下周 31 个会，我只是旁听的有 12 个。先从这些退起。
                        """),
                        "days_ago": 3,
                    },
                ],
            },
            {
                "author": "mei",
                "body": _md("""
                    关于要不要退回高级：这是一个完全正当的选择，很多公司也支持，
                    但最好是在你**状态好的时候**做这个决定，而不是在倦怠的时候。

                    可以先跟你的老板坦白聊一次现在的状态，不需要说得很严重，
                    就说“会议太多，我的技术产出在下降，想调整一下”。
                    好的老板会帮你挡掉一部分会，因为他也不希望失去一个 Staff 的技术判断。
                """),
                "days_ago": 3,
                "helpful": False,
                "likers": ["haoran", "qing"],
                "replies": [],
            },
        ],
    },
    {
        "author": "tao",
        "anonymous": False,
        "language": "zh-hans",
        "title": "准备国内大厂的系统设计面试：设计短链、秒杀这类题到底考什么？",
        "body": _md("""
            在外企六年，没怎么准备过国内的面试。最近开始投大厂的高级岗，
            朋友说二面、三面基本都有系统设计，常见的题有设计短链服务、秒杀系统、
            Feed 流、IM 消息系统。

            我看了一些资料，框架大概知道：需求澄清、容量估算、架构图、数据模型、扩展。
            但担心的是：

            - 国内面试官是不是更看重高并发的细节，比如缓存击穿、库存超卖？
            - 45 分钟要讲到什么深度？
            - 没有在真正的高并发系统里做过，怎么讲才不空？
        """),
        "topics": ["senior", "interviewing", "technical-skills"],
        "days_ago": 125,
        "context": {
            "level": "senior",
            "years": 8,
            "company": "SAP",
            "scale": None,
            "ratings": {},
            "focus": "从外企准备国内大厂高级岗的系统设计面试。",
            "feedback_wanted": "面试官真正考察的点，以及缺少高并发经验时怎么准备。",
        },
        "likers": ["jiayi", "liyang", "xiaoyu", "mingxuan"],
        "answers": [
            {
                "author": "wei",
                "body": _md("""
                    我在字节和百度都当过面试官。高级岗的系统设计，我看的是三件事：

                    1. **会不会先问清楚需求。** 秒杀是一个商品还是一万个？
                       短链要不要支持自定义、要不要统计点击？直接画图的候选人会扣分。
                    2. **估算是否靠谱。** 日活、QPS、存储量，数量级对就行，
                       但要能从数字推出设计：“峰值 10 万 QPS，所以库存扣减不能直接打数据库”。
                    3. **能不能主动讲取舍和故障。** 比如秒杀的库存放 Redis，
                       那 Redis 挂了怎么办？超卖和少卖你选哪个？

                    高并发的细节确实会问，缓存击穿、热点 key、消息重复消费这几个几乎必问，
                    每个准备一个能讲三分钟的答案。

                    没做过高并发不要紧，讲你在 SAP 处理过的**可靠性**问题：
                    数据一致性、灰度发布、故障恢复。这些思路是相通的，面试官看的是思考方式。
                """),
                "days_ago": 123,
                "helpful": True,
                "likers": ["tao", "liyang", "jiayi"],
                "replies": [],
            },
        ],
    },
    {
        "author": "owen",
        "anonymous": False,
        "language": "en",
        "title": "I was laid off last week after six years. What should I do in the first 30 days?",
        "body": _md("""
            My company cut about a quarter of engineering on Tuesday, and my whole platform
            team was in it. I'd been there six years and was one of the senior engineers on
            the payments platform.

            The package is twelve weeks of pay and health cover until the end of next month.
            I have savings for maybe five more months after that.

            Right now I'm swinging between "apply to everything today" and not wanting to
            open my laptop at all. I haven't interviewed since 2019.

            - What's worth doing first, and what can wait?
            - How do I explain the layoff in interviews without sounding bitter?
            - Is it a mistake to take a few weeks off before starting the search?
        """),
        "topics": ["senior", "interviewing"],
        "days_ago": 62,
        "context": {
            "level": "senior",
            "years": 7,
            "company": "",
            "scale": None,
            "ratings": {},
            "focus": "Getting back into interviewing after being laid off from a six-year job.",
            "feedback_wanted": "A realistic plan for the first month and how to talk about it.",
        },
        "likers": ["jamal", "lucas", "nadia", "arjun", "sofia"],
        "answers": [
            {
                "author": "grace",
                "body": _md("""
                    I've been laid off once and have had to lay people off twice. A plan
                    that works for most people:

                    **Week 1: admin, then rest.** Read the separation agreement before you
                    sign, check the deadline, and ask HR for everything in writing: final
                    pay date, unused vacation, equity vesting and exercise windows, and a
                    reference letter. Then take a few days to actually recover.

                    **Week 2: tell your network, specifically.** A short post or message:
                    what you did, what you want next, and one line asking for intros. Your
                    former teammates are now spread across a dozen companies, which makes
                    them your best referral source. Referrals convert far better than cold
                    applications.

                    **Weeks 3–4: warm up before the interviews that matter.** Do two or
                    three loops at companies you're lukewarm on first. You haven't
                    interviewed in years, and the first loop is always rusty.

                    On explaining it: one sentence of fact, then move forward. "The company
                    cut a quarter of engineering and my whole team was affected. I'm looking
                    for a platform role where I can own payments reliability again."
                    Everyone hiring right now has seen layoffs; nobody reads it as a
                    verdict on you.
                """),
                "days_ago": 61,
                "helpful": True,
                "likers": ["owen", "jamal", "nadia", "tom"],
                "replies": [
                    {
                        "author": "owen",
                        "body": _md("""
                            The equity exercise window was the thing I'd missed: 90 days
                            from the termination date. Sorting that out first.
                        """),
                        "days_ago": 60,
                    },
                ],
            },
            {
                "author": "kenji",
                "body": _md("""
                    Taking two or three weeks off is fine. A gap of a couple of months
                    doesn't register with anyone in this market.

                    One practical thing: before your memory fades, write down your last
                    three big projects in detail, with the numbers you still have access to
                    in your head: traffic, incident counts, latency, what you decided and
                    why. Six years of work is a lot of material, and in a month you'll be
                    grateful you captured it while it was fresh. Those notes become your
                    résumé bullets and your system design stories.
                """),
                "days_ago": 59,
                "helpful": False,
                "likers": ["owen", "lucas"],
                "replies": [],
            },
        ],
    },
    {
        "author": "owen",
        "anonymous": False,
        "language": "en",
        "title": (
            "Two job offers after a layoff: a big tech senior role or a startup staff title. "
            "How do I compare them?"
        ),
        "outcome": {
            "kind": "offer_accepted",
            "note": (
                "Took the big company offer. Over four years the startup only came out ahead "
                "if the equity paid off, and their runway answer was vaguer than I liked. "
                "The big company also agreed to a higher sign-on bonus when I asked."
            ),
            "days_ago": 21,
        },
        "body": _md("""
            Six weeks after being laid off, I have two offers and a week to decide:

            - **Big tech company:** senior engineer, solid base, RSUs vesting over four
              years, on a payments infrastructure team.
            - **Series B startup (40 engineers):** "Staff engineer" title, base about 15%
              lower, 0.3% in options, and I'd be the most senior backend person.

            The staff title is tempting, and I'd have a lot of scope. But after a layoff
            I'm wary of risk, and I'm not sure a staff title at a 40-person engineering
            team means much elsewhere.

            How do you weigh title, equity and stability in a case like this? And is it
            reasonable to negotiate both when I've just been laid off?
        """),
        "topics": ["senior", "staff", "interviewing"],
        "days_ago": 30,
        "context": {
            "level": "senior",
            "years": 7,
            "company": "",
            "scale": None,
            "ratings": {},
            "focus": "Choosing between a big-company senior offer and a startup staff title.",
            "feedback_wanted": "How to compare the offers and whether to negotiate.",
        },
        "likers": ["jamal", "lucas", "nadia", "kenji"],
        "answers": [
            {
                "author": "hana",
                "body": _md("""
                    Yes, negotiate both. Being laid off changes nothing about your market
                    value, and recruiters expect it. Ask for the thing each side can move:
                    sign-on bonus or equity at the big company, base or a longer exercise
                    window at the startup.

                    To compare, put both on a four-year view:

                    1. Big company: base plus the RSUs at today's price, plus any refreshers
                       typical for the level (ask the recruiter what's normal).
                    2. Startup: base plus **zero** for the options, then a second line for
                       a good outcome. If you still like it at zero, it's a real option.

                    Then ask the startup three questions: how many months of runway, when
                    the next raise is planned, and what happened to the last person in the
                    role. The answers will tell you more than the title.
                """),
                "days_ago": 29,
                "helpful": True,
                "likers": ["owen", "nadia", "grace"],
                "replies": [],
            },
            {
                "author": "dmitri",
                "body": _md("""
                    On the title: a staff title at a 40-engineer startup is mostly a
                    statement about scope there, not a level that carries over. When you
                    interview later, people will ask what you actually owned, and a
                    big-company senior who led a payments migration often reads stronger
                    than a startup staff who was the only backend person.

                    That said, if you want to learn to set technical direction with nobody
                    above you, the startup teaches that faster than anywhere. Decide which
                    of the two you want to learn in the next two years, then pick.
                """),
                "days_ago": 28,
                "helpful": False,
                "likers": ["owen", "kenji", "priya"],
                "replies": [],
            },
        ],
    },
    {
        "author": "owen",
        "anonymous": False,
        "language": "en",
        "title": "Three weeks into a new job with a six-month probation. What should I focus on?",
        "body": _md("""
            I started at a big tech company three weeks ago, as a senior engineer on a
            payments infrastructure team. The contract has a six-month probation period,
            with a check-in at three months.

            After my layoff I'm more anxious about this than I'd like to admit. The team is
            friendly, but everything is new: internal tooling, the deploy system, a huge
            monorepo. My first ticket took a week, which felt slow.

            What do managers actually look at during probation for a senior hire? And how
            do I find out early if something is off, instead of at the three-month
            check-in?
        """),
        "topics": ["senior", "performance-reviews"],
        "days_ago": 3,
        "context": {
            "level": "senior",
            "years": 7,
            "company": "",
            "scale": None,
            "ratings": {},
            "focus": "Passing probation as a senior hire at a large company.",
            "feedback_wanted": (
                "What managers judge in the first months and how to get early signals."
            ),
        },
        "likers": ["jamal", "sofia", "lucas"],
        "answers": [
            {
                "author": "tom",
                "body": _md("""
                    As a manager who has signed off a lot of probations: for senior hires
                    it's rarely about speed in the first month. What I watch:

                    - **Do you learn the system, or just the ticket?** Seniors who ask "why
                      is it built this way?" ramp up faster later.
                    - **Judgment in the small things.** A well-scoped PR, a clear
                      description, sensible questions in design reviews.
                    - **Do people want to work with you?** I quietly ask two or three
                      teammates at the halfway point.

                    For early signals, ask your manager directly at your next 1:1: "What
                    would make you confident at the three-month check-in? Is there anything
                    you'd want me to do differently already?" Then agree on one visible
                    deliverable for month two or three, something you own end to end. That
                    turns the probation into a shared goal rather than a test you can't see.
                """),
                "days_ago": 2,
                "helpful": True,
                "likers": ["owen", "grace", "sofia"],
                "replies": [
                    {
                        "author": "owen",
                        "body": _md("""
                            Asked it today. The answer was reassuring and concrete: own the
                            retry-queue cleanup by month three. Now I have a target.
                        """),
                        "days_ago": 1,
                    },
                ],
            },
            {
                "author": "priya",
                "body": _md("""
                    A week for the first ticket in a huge monorepo is completely normal,
                    even for staff hires. What helps most: keep a running "things that
                    confused me" doc during your first month, then turn the top three into
                    onboarding fixes. It's useful to the next hire, it's visible, and it
                    shows exactly the kind of senior behaviour your manager is looking for.
                """),
                "days_ago": 2,
                "helpful": False,
                "likers": ["owen", "nadia"],
                "replies": [],
            },
        ],
    },
    {
        "author": "lucas",
        "anonymous": True,
        "language": "en",
        "title": (
            "My manager put me on a 60-day PIP. Can I realistically pass it, or should I leave?"
        ),
        "body": _md("""
            After a rough half (a burned-out quarter, two missed deadlines and an incident
            in a service I own), my manager and HR put me on a 60-day performance
            improvement plan. The written goals:

            1. Deliver the two remaining milestones of the card-limits project on the
               dates in the plan.
            2. No customer-facing incidents caused by changes without tests.
            3. A weekly written update on progress and risks.

            Everyone says a PIP is just paperwork before firing you. But these goals look
            achievable to me, and I like the team.

            How do I tell whether this is a real chance or a formality? And if I try to
            pass it, what should I do in the first two weeks?
        """),
        "topics": ["mid-level", "performance-reviews"],
        "days_ago": 15,
        "context": {
            "level": "mid-level",
            "years": 5,
            "company": "",
            "scale": "exceeds-meets-partially-below",
            "ratings": {
                "impact": "Partially",
                "technical-skills": "Meets",
                "teamwork": "Meets",
                "leadership-ownership": "Partially",
            },
            "focus": "A 60-day PIP with delivery and quality goals.",
            "feedback_wanted": "How to read the PIP and a plan for the first weeks.",
        },
        "likers": ["jamal", "arjun", "sofia"],
        "answers": [
            {
                "author": "grace",
                "body": _md("""
                    I've run PIPs that people passed and some they didn't. Signs it's a
                    real chance: the goals are specific and achievable (yours are), your
                    manager set up regular check-ins, and they offered support such as
                    fewer interrupts or a reviewer for risky changes. If the goals were
                    vague or moved every week, I'd worry more.

                    First two weeks:

                    - Book a weekly 30-minute check-in yourself and bring a written update
                      every time. Don't wait to be asked.
                    - Re-plan the two milestones with your manager now and flag every risk
                      early. A risk raised in week one is planning; the same risk raised in
                      week seven is a miss.
                    - For the incident goal, ask for a second reviewer on anything touching
                      production paths, and add tests before changing that service.

                    Updating your CV at the same time is sensible, not disloyal. Both can
                    happen at once.
                """),
                "days_ago": 14,
                "helpful": True,
                "likers": ["lucas", "tom", "jamal"],
                "replies": [
                    {
                        "author": "lucas",
                        "body": _md("""
                            All three signs are there; she even offered to take me off
                            the on-call rotation for the plan's duration. Going for it.
                        """),
                        "days_ago": 13,
                    },
                ],
            },
            {
                "author": "nadia",
                "body": _md("""
                    Since you mention a burned-out quarter: tell your manager plainly if
                    that's still affecting you, and ask HR what support exists (leave,
                    counselling). A PIP written without that context is judging the wrong
                    thing, and many companies will adjust the plan once they know.
                """),
                "days_ago": 13,
                "helpful": False,
                "likers": ["lucas", "grace"],
                "replies": [],
            },
        ],
    },
    {
        "author": "nadia",
        "anonymous": True,
        "language": "en",
        "title": (
            "My company now requires three days a week in the office. How do I ask for an "
            "exception?"
        ),
        "body": _md("""
            Our return-to-office policy takes effect next quarter: three fixed days a week
            in the office, tracked by badge data. During the remote years I moved 90
            minutes away, and I do school drop-off two days a week.

            I'm a senior engineer and the tech lead on a project that ships in the spring.
            My manager says the policy is set above him but that exceptions "can be
            discussed".

            What does a request that actually gets approved look like? And at what point is
            it reasonable to start looking for a remote job instead?
        """),
        "topics": ["senior"],
        "days_ago": 23,
        "context": {
            "level": "senior",
            "years": 8,
            "company": "",
            "scale": None,
            "ratings": {},
            "focus": "A new return-to-office mandate that clashes with a long commute.",
            "feedback_wanted": "How to frame an exception request and when to consider leaving.",
        },
        "likers": ["mei", "lucas", "kenji", "arjun"],
        "answers": [
            {
                "author": "tom",
                "body": _md("""
                    "Can be discussed" means your manager needs something he can take to his
                    own manager. Write it down and make it easy to approve:

                    1. **A specific alternative**, not a refusal: e.g. two fixed office days
                       aligned with the team's planning and review days, arriving late on
                       drop-off days.
                    2. **Why it's good for the project**: you're the tech lead on a spring
                       launch, and losing you would cost far more than one office day.
                    3. **A review date**: "let's revisit after the launch." Time-boxed
                       exceptions get approved much more often than permanent ones.

                    Also ask whether there's a formal exceptions process. Most companies
                    have one and don't advertise it.
                """),
                "days_ago": 22,
                "helpful": True,
                "likers": ["nadia", "grace", "mei"],
                "replies": [],
            },
            {
                "author": "dmitri",
                "body": _md("""
                    On leaving: look quietly now, but decide after the exception answer.
                    Fully remote senior roles exist but are fewer and more competitive
                    than a couple of years ago, and several companies have tightened their
                    policies after hiring people as remote. When you interview, ask how
                    many people on the team are remote today, not what the policy says.
                """),
                "days_ago": 21,
                "helpful": False,
                "likers": ["nadia", "kenji"],
                "replies": [],
            },
        ],
    },
    {
        "author": "sofia",
        "anonymous": False,
        "language": "en",
        "title": "Is a side project worth it for my career, and do I have to tell my employer?",
        "body": _md("""
            I want to build something outside work: a small open-source library for
            testing payment webhooks locally, which I wish had existed when I started on
            checkout. Maybe later a hosted version people could pay for.

            Two worries:

            - My employment contract has an intellectual property clause I don't fully
              understand, and the project is close to what my team does.
            - I'm tired after work and not sure I'd keep it going.

            Did a side project help your career? And what should I check before I write
            the first line?
        """),
        "topics": ["junior", "technical-skills"],
        "days_ago": 31,
        "context": {
            "level": "junior",
            "years": 1,
            "company": "Shopify",
            "scale": None,
            "ratings": {},
            "focus": "Starting an open-source side project close to my day job's domain.",
            "feedback_wanted": "What to check with my employer and how to keep it sustainable.",
        },
        "likers": ["arjun", "jamal", "xiaoyu"],
        "answers": [
            {
                "author": "kenji",
                "body": _md("""
                    Check before you write anything, because "close to what my team does"
                    is exactly the case IP clauses are written for.

                    1. Read the clause and any outside-activities policy. Many companies
                       claim work that relates to their business, even done at home.
                    2. Ask in writing. Most companies have an open-source or side-project
                       approval process; a short email to your manager or legal describing
                       the project usually gets a quick yes.
                    3. Use only your own laptop, accounts and time, and never copy anything
                       from work, not even a test fixture.

                    A hosted paid version is a separate conversation; ask again before that.
                """),
                "days_ago": 30,
                "helpful": True,
                "likers": ["sofia", "arjun", "grace"],
                "replies": [
                    {
                        "author": "sofia",
                        "body": _md("""
                            Found the approval form on the internal wiki. Submitted it with
                            a one-paragraph description; my manager already said it looks
                            fine.
                        """),
                        "days_ago": 27,
                    },
                ],
            },
            {
                "author": "arjun",
                "body": _md("""
                    It helped mine, but not the way I expected. Nobody cared about the
                    stars. What came up in interviews was being able to explain every
                    decision, because I made all of them myself.

                    To keep it going: make the first version tiny, something you'd use
                    yourself every week, and give it a fixed slot (mine was Sunday
                    mornings). Skipping a week is fine; the fixed slot brings you back.
                """),
                "days_ago": 29,
                "helpful": False,
                "likers": ["sofia", "jamal"],
                "replies": [],
            },
        ],
    },
    {
        "author": "liyang",
        "anonymous": False,
        "language": "zh-hans",
        "title": "年终绩效自评怎么写，才不会写成一份流水账？",
        "body": _md("""
            下周要交年终自评，系统里有三栏：本年度主要成果、能力成长、明年计划，
            每栏限 800 字。

            我翻了一下去年写的，基本是按月份列了一堆需求：“3 月完成 XX 功能”“5 月支持 XX 活动”，
            leader 当时的评价是“看不出重点”。今年做的事情其实不少：

            - 订单对账模块的重构，线上 bug 从每月七八个降到一两个；
            - 配合大促做了两次容量压测，发现并修掉一个连接池的隐患；
            - 开始带一个应届生；
            - 零零碎碎的需求大概四十多个。

            自评应该怎么组织？零碎需求要不要写？写多少才合适？
        """),
        "topics": ["mid-level", "performance-reviews"],
        "days_ago": 0,
        "context": {
            "level": "mid-level",
            "years": 3,
            "company": "Meituan",
            "scale": None,
            "ratings": {},
            "focus": "第一次认真写年终自评，想把一年的工作讲出重点。",
            "feedback_wanted": "自评的结构，以及哪些内容该写、哪些可以省略。",
        },
        "likers": ["xiaoyu", "jiayi", "mingxuan"],
        "answers": [
            {
                "author": "zhou",
                "body": _md("""
                    我每年要看几十份自评，写得好的都有一个共同点：**先写结论，再写证据**。

                    “主要成果”一栏，挑最重要的两三件，每件按这个结构写：

                    1. 一句话讲结果，带数字：“对账模块重构后，线上 bug 从每月 7～8 个降到 1～2 个。”
                    2. 一两句讲你的角色和关键判断：为什么要重构、你做了哪些取舍。
                    3. 一句话讲影响：少了多少人工对账、结算事故有没有再出现。

                    四十多个零碎需求，合成一句就够了：“全年支持 40 余个业务需求，
                    其中 XX 活动的需求提前一周交付。”挑一个有代表性的点名即可。

                    “能力成长”里写带应届生，写清楚他现在能独立做什么。
                    “明年计划”别写“继续努力”，写一两件你想主导的具体事情，
                    这等于提前跟 leader 预约明年的机会。
                """),
                "days_ago": 0,
                "helpful": False,
                "likers": ["liyang", "xiaoyu"],
                "replies": [],
            },
        ],
    },
    {
        "author": "haoran",
        "anonymous": False,
        "language": "zh-hans",
        "title": "从 Staff 晋升首席工程师（Principal），评委到底想看到什么样的技术判断？",
        "body": _md("""
            老板建议我明年准备首席工程师（Principal）的晋升。
            我们公司 Principal 的标准里反复出现“技术判断”和“方向性影响”，
            但我翻了几份过往的材料，发现很难说清这两个词具体指什么。

            我手上比较有分量的经历：

            - 三年前主导存储引擎从自研切到开源方案加二次开发，现在全公司在用；
            - 正在推动跨团队的数据一致性校验标准；
            - 带过四位工程师晋升到高级或 Staff。

            想请教做过 Principal 或者当过评委的前辈：

            1. “技术判断”在材料里应该怎么证明？
            2. 三年前的决策，现在还能算作证据吗？
            3. 从 Staff 到 Principal，通常要准备多久？
        """),
        "topics": ["staff", "principal", "promotions"],
        "days_ago": 38,
        "context": {
            "level": "staff",
            "years": 13,
            "company": "Alibaba Cloud",
            "scale": None,
            "ratings": {},
            "focus": "准备从 Staff 晋升首席工程师，想弄清楚“技术判断”的证据形式。",
            "feedback_wanted": "评委眼中的技术判断，以及怎么在材料里呈现长期决策。",
        },
        "likers": ["wei", "tao", "mei", "liyang"],
        "answers": [
            {
                "author": "qing",
                "body": _md("""
                    我参加过几轮首席工程师的评审。“技术判断”落到材料上，
                    就是证明你**在信息不完整的时候做对了一个重要的决定，而且说得清为什么**。

                    三年前切换存储引擎恰恰是最好的证据，时间越久越有说服力，
                    因为结果已经被验证了。写的时候按这个顺序：

                    1. **当时的处境。** 有哪几个选项？团队里的主流意见是什么？
                       如果当时多数人反对，一定要写出来。
                    2. **你的判断依据。** 你看到了什么别人没看到的？比如社区的演进速度、
                       自研方案的维护成本曲线。
                    3. **代价和风险。** 你放弃了什么，怎么控制风险。
                    4. **三年后的结果。** 成本、稳定性、有多少团队受益，
                       再加上“如果当时选了另一条路，现在会怎样”。

                    还要准备一个**判断失误**的例子，讲清楚你怎么发现、怎么纠正。
                    评委对只有成功案例的材料反而会存疑。

                    准备时间因人而异，我自己从第一次被提名到通过用了两年。
                    建议从现在开始，每个重要决策都留一份简短的决策记录，明年写材料时会轻松很多。
                """),
                "days_ago": 37,
                "helpful": True,
                "likers": ["haoran", "wei", "mei", "tao"],
                "replies": [
                    {
                        "author": "haoran",
                        "body": _md("""
                            “当时多数人反对”这一点确实有。当年技术委员会投票是三比五，
                            我差点没争取下来。会把当时的会议纪要找出来。
                        """),
                        "days_ago": 36,
                    },
                ],
            },
        ],
    },
]
