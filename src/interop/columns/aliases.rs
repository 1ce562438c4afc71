//! The headers other programs write, by the field each one means.

use super::{Field, Who};

/// Header aliases, by normalized key (`key`): lowercase, letters and digits only.
#[rustfmt::skip]
pub(super) const ALIASES: &[(Field, &[&str])] = &[
    (Field::Company, &[
        "company", "companyname", "organization", "organizationname", "organisation",
        "organisationname", "org", "accountname", "customer", "customername", "business",
        "businessname", "employer", "客户名称", "客户", "客户全称", "公司", "公司名称", "公司全称",
        "单位", "单位名称", "企业", "企业名称", "机构", "机构名称", "所属公司", "工作单位", "组织",
    ]),
    (Field::Kind, &["kind", "customerkind", "客户类型"]),
    (Field::Industry, &["industry", "sector", "行业", "所属行业", "行业类别", "行业分类"]),
    (Field::City, &[
        "city", "businesscity", "billingcity", "mailingcity", "town", "城市", "所在城市", "所在地",
        "城市名称",
    ]),
    (Field::Address, &[
        "address", "street", "streetaddress", "businessstreet", "businessstreet2",
        "businessstreet3", "billingstreet", "mailingstreet", "businessaddress", "地址", "详细地址",
        "公司地址", "办公地址", "通讯地址", "联系地址", "街道",
    ]),
    (Field::Website, &[
        "website", "web", "webpage", "webaddress", "url", "websiteurl", "homepage",
        "companywebsite", "网址", "网站", "主页", "公司网址",
    ]),
    (Field::Tags, &[
        "tags", "tag", "labels", "label", "categories", "category", "groups", "group", "标签",
        "分组", "分类",
    ]),
    (Field::Tier, &["tier", "客户等级", "等级", "客户级别", "级别"]),
    (Field::Stage, &["stage", "customerstage", "阶段", "客户阶段"]),
    (Field::LeadSource, &["leadsource", "source", "来源", "客户来源", "线索来源"]),
    (Field::Cadence, &["cadencedays", "cadence", "联系周期"]),
    (Field::Name, &[
        "name", "fullname", "displayname", "contact", "contactname", "contactperson", "person",
        "姓名", "联系人", "联系人姓名", "名字", "客户姓名", "全名",
    ]),
    (Field::FirstName, &["firstname", "givenname", "forename", "名"]),
    (Field::MiddleName, &["middlename", "additionalname"]),
    (Field::LastName, &["lastname", "familyname", "surname", "姓"]),
    (Field::Title, &[
        "title", "jobtitle", "organizationtitle", "position", "role", "job", "contacttitle",
        "职位", "职务", "头衔", "岗位",
    ]),
    (Field::Department, &["department", "organizationdepartment", "dept", "部门", "所属部门"]),
    (Field::Mobile(Who::Auto), &[
        "mobile", "mobilephone", "cell", "cellphone", "mobilenumber", "手机", "手机号",
        "手机号码", "移动电话",
    ]),
    (Field::Phone(Who::Auto), &[
        "phone", "phonenumber", "telephone", "tel", "businessphone", "businessphone2",
        "workphone", "primaryphone", "homephone", "homephone2", "otherphone", "电话", "座机",
        "固定电话", "办公电话", "联系电话", "电话号码", "固话",
    ]),
    (Field::Phone(Who::Customer), &[
        "companymainphone", "mainphone", "companyphone", "customerphone", "公司电话", "总机",
    ]),
    (Field::Phone(Who::Contact), &["contactphone"]),
    (Field::Fax(Who::Auto), &["fax", "businessfax", "homefax", "otherfax", "传真"]),
    (Field::Email(Who::Auto), &[
        "email", "emailaddress", "email2address", "email3address", "mail", "emails",
        "primaryemail", "workemail", "邮箱", "电子邮箱", "电子邮件", "邮件", "邮箱地址",
    ]),
    (Field::Email(Who::Customer), &["customeremail"]),
    (Field::Email(Who::Contact), &["contactemail"]),
    (Field::Wechat(Who::Auto), &["wechat", "weixin", "wechatid", "微信", "微信号"]),
    (Field::Wechat(Who::Customer), &["customerwechat"]),
    (Field::Wechat(Who::Contact), &["contactwechat"]),
    (Field::Birthday(Who::Auto), &[
        "birthday", "birthdate", "dateofbirth", "dob", "bday", "生日", "出生日期", "出生年月",
        "生日日期",
    ]),
    (Field::Birthday(Who::Customer), &["customerbirthday"]),
    (Field::Birthday(Who::Contact), &["contactbirthday"]),
    (Field::Notes(Who::Auto), &[
        "notes", "note", "description", "comments", "comment", "remarks", "remark", "memo",
        "备注", "说明", "描述", "备注信息", "简介",
    ]),
    (Field::Notes(Who::Customer), &["customernotes"]),
    (Field::Notes(Who::Contact), &["contactnotes"]),
];
